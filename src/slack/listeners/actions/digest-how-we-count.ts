import { howWeCountModal } from "../../blocks/how-we-count.js";
import { answerOnError, clickOrigin } from "../../errors.js";
import type { ButtonArgs } from "./types.js";

/** "How we count" on a digest: the counting rules in a modal, for the person who clicked. */
export function howWeCountAction() {
  return async (args: ButtonArgs) => {
    const { ack, body, client } = args;
    await ack();
    await answerOnError(clickOrigin(args), async () => {
      await client.views.open({ trigger_id: body.trigger_id, view: howWeCountModal() });
    });
  };
}

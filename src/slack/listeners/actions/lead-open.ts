import { leadCardModal } from "../../blocks/lead-card.js";
import { answerOnError, clickOrigin } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { ButtonArgs } from "./types.js";

/** "Open" (value: the lead id), in /lead find results and the App Home: the lead's card as a modal. */
export function openLeadAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body, client, context } = args;
    await ack();
    const origin = clickOrigin(args);
    await answerOnError(origin, async () => {
      const view = leadCardModal(await deps.services.leads.view(context.teamId, action.value ?? "", body.user.id), body.user.id);
      if (origin.inModal) await client.views.push({ trigger_id: body.trigger_id, view });
      else await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}

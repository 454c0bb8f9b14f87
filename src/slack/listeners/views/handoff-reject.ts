import { validInput } from "../../../domain/form-errors.js";
import { rejectInputSchema } from "../../../domain/handoffs/reject-input.js";
import { alreadyDecidedText } from "../../blocks/decision-replies.js";
import { notice } from "../../blocks/notice.js";
import type { RejectModalMetadata } from "../../blocks/reject-modal.js";
import { tellOnError } from "../../errors.js";
import { metadataOf, readForm } from "../../forms.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { tellPerson } from "../../tell.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/**
 * Submitting the Reject modal: a reason is required (and a note for Other), checked before the modal closes; then
 * the lead goes to Nurture, which updates the card and tells marketing (slow, so after the ack).
 */
export function rejectSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const metadata = metadataOf<RejectModalMetadata>(view.private_metadata);
    const userId = body.user.id;
    const tell = (text: string) => tellPerson(client, userId, metadata.channelId, notice(text));
    await runSubmission(ack, {
      fallbackBlock: "reason",
      save: async () => {
        const form = readForm(view.state.values);
        return validInput(rejectInputSchema, { reason: form.one("reason"), note: form.one("note") ?? "" });
      },
      afterAck: (input) =>
        tellOnError(tell, async () => {
          const clicked = metadata.clickedCard ?? null;
          const { won, card } = await deps.services.handoffs.reject(context.teamId, metadata.handoffId ?? "", userId, input, clicked);
          if (!won) await tell(alreadyDecidedText(card, userId));
          else await refreshHome(deps, client, context.teamId, userId);
        }),
    });
  };
}

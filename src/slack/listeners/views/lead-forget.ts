import type { ForgetModalMetadata } from "../../blocks/forget-modal.js";
import { notice } from "../../blocks/notice.js";
import { tellOnError } from "../../errors.js";
import { metadataOf } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { tellPerson } from "../../tell.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Confirming `/lead forget`: erases the lead's personal data (after the ack: it edits Slack messages) and says what was done. */
export function forgetSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const metadata = metadataOf<ForgetModalMetadata>(view.private_metadata);
    const userId = body.user.id;
    const tell = (text: string) => tellPerson(client, userId, metadata.channelId, notice(text));
    await runSubmission(ack, {
      fallbackBlock: "confirm",
      // The modal only confirms: nothing to check before it closes.
      save: async () => undefined,
      afterAck: () =>
        tellOnError(tell, async () => {
          const result = await deps.services.leads.forget(context.teamId, metadata.leadId ?? "", userId);
          const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
          const failed =
            result.messagesFailed > 0
              ? ` ${n(result.messagesFailed, "message", "messages")} could not be updated in Slack; delete them by hand.`
              : "";
          const files = result.filesDeleted > 0 ? ` ${n(result.filesDeleted, "export file was", "export files were")} deleted.` : "";
          await tell(
            `:wastebasket: Erased. Name, email, phone and notes are gone from Baton, and ${n(result.messagesUpdated, "Slack message was", "Slack messages were")} anonymised.${files} The lead still counts, anonymously, in the funnel.${failed}`,
          );
        }),
    });
  };
}

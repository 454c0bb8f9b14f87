import { isAppError } from "../../../lib/errors.js";
import type { ForgetModalMetadata } from "../../blocks/forget-modal.js";
import { notice } from "../../blocks/notice.js";
import { messageFor } from "../../errors.js";
import { metadataOf } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { tellPerson } from "../../tell.js";
import type { SubmitArgs } from "./types.js";

/** Confirming `/lead forget`: erases the lead's personal data and tells the admin what was done. */
export function forgetSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    await ack();
    const metadata = metadataOf<ForgetModalMetadata>(view.private_metadata);
    const userId = body.user.id;
    try {
      const result = await deps.services.leads.forget(context.teamId, metadata.leadId ?? "", userId);
      const failed =
        result.messagesFailed > 0 ? ` ${result.messagesFailed} handoff card(s) could not be updated in Slack; delete them by hand.` : "";
      const text = `:wastebasket: Erased. Name, email, phone and notes are gone from Baton, and ${result.messagesUpdated} Slack message(s) were anonymised. The lead still counts, anonymously, in the funnel.${failed}`;
      await tellPerson(client, userId, metadata.channelId, notice(text));
    } catch (error) {
      await tellPerson(client, userId, metadata.channelId, notice(messageFor(error)));
      if (!isAppError(error)) throw error;
    }
  };
}

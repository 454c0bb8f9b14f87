import { rejectInputSchema } from "../../../domain/handoffs/reject-input.js";
import { isAppError } from "../../../lib/errors.js";
import { alreadyDecidedText } from "../../blocks/decision-replies.js";
import { notice } from "../../blocks/notice.js";
import type { RejectModalMetadata } from "../../blocks/reject-modal.js";
import { messageFor } from "../../errors.js";
import { metadataOf, selectedOf, textOf, type ViewValues } from "../../forms.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { tellPerson } from "../../tell.js";
import type { SubmitArgs } from "./types.js";

/** Submitting the Reject modal: a reason is required (and a note for Other); then the lead goes to Nurture. */
export function rejectSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const values = view.state.values as ViewValues;
    const parsed = rejectInputSchema.safeParse({ reason: selectedOf(values, "reason"), note: textOf(values, "note") ?? "" });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    const metadata = metadataOf<RejectModalMetadata>(view.private_metadata);
    const userId = body.user.id;
    try {
      const { won, card } = await deps.services.handoffs.reject(context.teamId, metadata.handoffId ?? "", userId, parsed.data);
      if (!won) await tellPerson(client, userId, metadata.channelId, notice(alreadyDecidedText(card, userId)));
      else await refreshHome(deps, client, context.teamId, userId);
    } catch (error) {
      await tellPerson(client, userId, metadata.channelId, notice(messageFor(error)));
      if (!isAppError(error)) throw error;
    }
  };
}

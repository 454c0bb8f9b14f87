import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { campaignSavedView } from "../../blocks/campaign-saved.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { campaignInput } from "./campaign-input.js";
import { metadataString, readFormState, readMetadata } from "./form-state.js";
import { runSubmission } from "./submission.js";

/** Saving an edited campaign, if it is still the version the person opened (owner or admin only). */
export function campaignEditView(deps: ListenerDeps) {
  return async ({ ack, body, view, context }: WithContext<SlackViewMiddlewareArgs<ViewSubmitAction>>) => {
    const metadata = readMetadata(view.private_metadata);
    const input = campaignInput(readFormState(view.state.values));
    const saved = await runSubmission(ack, "name", () =>
      deps.services.campaigns.update(
        context.teamId,
        body.user.id,
        metadataString(metadata, "campaignId"),
        input,
        metadataString(metadata, "version"),
      ),
    );
    if (saved.ok) await ack({ response_action: "update", view: campaignSavedView(saved.value) });
  };
}

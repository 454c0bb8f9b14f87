import type { CampaignFormMetadata } from "../../blocks/campaign-form.js";
import { campaignSavedView } from "../../blocks/campaign-saved.js";
import { metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { campaignInput, firstInputOf } from "./campaign-input.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Saving an edited campaign (step 2, step 1 in the metadata), if it is still the version opened (owner or admin only). */
export function campaignEditView(deps: ListenerDeps) {
  return async ({ ack, body, view, context }: SubmitArgs) => {
    const metadata = metadataOf<CampaignFormMetadata>(view.private_metadata);
    const input = { ...metadata.basics, ...campaignInput(readForm(view.state.values)) };
    const shown = Object.keys(view.state.values);
    await runSubmission(ack, {
      fallbackBlock: firstInputOf(shown),
      shownBlocks: shown,
      save: () => deps.services.campaigns.update(context.teamId, body.user.id, metadata.campaignId ?? "", input, metadata.version ?? ""),
      confirmation: (campaign) => campaignSavedView(campaign),
    });
  };
}

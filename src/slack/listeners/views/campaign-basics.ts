import {
  type CampaignDraft,
  type CampaignFormMetadata,
  campaignDetailsView,
  campaignDraft,
  draftPart,
} from "../../blocks/campaign-form.js";
import { metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { campaignInput } from "./campaign-input.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/**
 * "Next" on step 1 of the campaign form: the basics are checked as saving would (inline errors, nothing stored),
 * then the modal turns into step 2, carrying the basics in its metadata. Editing starts step 2 from the campaign.
 */
export function campaignBasicsSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, context }: SubmitArgs) => {
    const metadata = metadataOf<CampaignFormMetadata>(view.private_metadata);
    const basics = draftPart(campaignInput(readForm(view.state.values)) as CampaignDraft, "basics");
    const editing = metadata.campaignId ? { campaignId: metadata.campaignId, version: metadata.version ?? "" } : {};
    await runSubmission(ack, {
      fallbackBlock: "name",
      save: async () => {
        const [campaign, options] = await Promise.all([
          deps.services.campaigns.checkBasics(context.teamId, body.user.id, basics, metadata.campaignId),
          deps.services.campaigns.formOptions(context.teamId),
        ]);
        const details = metadata.details ?? (campaign ? draftPart(campaignDraft(campaign), "details") : {});
        return { details, options };
      },
      confirmation: ({ details, options }) => campaignDetailsView(details, options, { ...editing, basics }),
    });
  };
}

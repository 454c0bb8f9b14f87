import type { CampaignFormMetadata } from "../../blocks/campaign-form.js";
import { campaignLoggedView } from "../../blocks/campaign-saved.js";
import { metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { campaignInput, firstInputOf } from "./campaign-input.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/**
 * Logging a campaign (step 2 of the form, with step 1's basics in the metadata): validated and saved before the
 * ack (inline errors keep the modal open), then the modal shows the tracking code while the campaign is announced
 * in the sales channel, and then how that went.
 */
export function campaignCreateView(deps: ListenerDeps) {
  return async ({ ack, body, view, client, context }: SubmitArgs) => {
    const { basics } = metadataOf<CampaignFormMetadata>(view.private_metadata);
    const input = { ...basics, ...campaignInput(readForm(view.state.values)) };
    const shown = Object.keys(view.state.values);
    await runSubmission(ack, {
      fallbackBlock: firstInputOf(shown),
      shownBlocks: shown,
      save: () => deps.services.campaigns.create(context.teamId, body.user.id, input),
      confirmation: ({ campaign }) => campaignLoggedView(campaign),
      afterAck: async ({ campaign, announcement }) => {
        const outcome = await deps.services.campaigns.announceLaunch(announcement);
        await client.views.update({ view_id: view.id, view: campaignLoggedView(campaign, outcome) }).catch((error: unknown) => {
          context.log.warn({ err: error, campaignId: campaign.id }, "could not show how the campaign announcement went");
        });
      },
    });
  };
}

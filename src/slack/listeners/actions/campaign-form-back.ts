import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { type CampaignDraft, type CampaignFormMetadata, campaignBasicsView, draftPart } from "../../blocks/campaign-form.js";
import { metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { campaignInput } from "../views/campaign-input.js";

/**
 * "Back" on step 2 of the campaign form: step 1 again with the basics as submitted, and what was typed in step 2
 * carried along for the next "Next". Nothing is read or saved, so nobody needs checking here.
 */
export function campaignFormBackAction(_deps: ListenerDeps) {
  return async ({ ack, body, client }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const metadata = metadataOf<CampaignFormMetadata>(view.private_metadata);
    const details = draftPart(campaignInput(readForm(view.state.values)) as CampaignDraft, "details");
    const editing = metadata.campaignId ? { campaignId: metadata.campaignId, version: metadata.version ?? "" } : {};
    await client.views.update({ view_id: view.id, view: campaignBasicsView(metadata.basics ?? {}, { ...editing, details }) });
  };
}

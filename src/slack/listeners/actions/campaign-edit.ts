import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { campaignBasicsView, campaignDraft } from "../../blocks/campaign-form.js";
import { CampaignViews } from "../../ids.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { openModal } from "../open-modal.js";

/** "Edit" on a campaign card: step 1 of the campaign form filled in, for its owner or an admin. */
export function campaignEditAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    await openModal(client, body.trigger_id, { callbackId: CampaignViews.notice, title: "Edit campaign" }, async () => {
      const campaign = await deps.services.campaigns.forEdit(context.teamId, body.user.id, action.value ?? "");
      return campaignBasicsView(campaignDraft(campaign), { campaignId: campaign.id, version: campaign.version });
    });
  };
}

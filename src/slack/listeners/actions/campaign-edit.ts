import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { todayIn } from "../../../domain/campaigns/details.js";
import { campaignFormView } from "../../blocks/campaign-form.js";
import { CampaignViews } from "../../ids.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { openModal } from "../open-modal.js";

/** "Edit" on a campaign card: the campaign modal filled in, for its owner or an admin. */
export function campaignEditAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    await openModal(client, body.trigger_id, { callbackId: CampaignViews.notice, title: "Edit campaign" }, async () => {
      const campaign = await deps.services.campaigns.forEdit(context.teamId, body.user.id, action.value ?? "");
      const [options, workspace] = await Promise.all([
        deps.services.campaigns.formOptions(context.teamId),
        deps.services.workspaces.get(context.teamId),
      ]);
      const today = todayIn(workspace.timezone, deps.clock.now());
      return campaignFormView({ options: { ...options, today }, userId: body.user.id, campaign });
    });
  };
}

import type { WebClient } from "@slack/web-api";
import { todayIn } from "../../domain/campaigns/details.js";
import { campaignBasicsView, newCampaignDraft } from "../blocks/campaign-form.js";
import type { ListenerDeps } from "../listener-deps.js";

/** Step 1 of the empty campaign form, from `/campaign` or the App Home: one quick read, then views.open while the trigger is fresh. */
export async function openCampaignForm(
  deps: ListenerDeps,
  client: WebClient,
  who: { teamId: string; userId: string; triggerId: string },
): Promise<void> {
  const workspace = await deps.services.workspaces.get(who.teamId);
  const today = todayIn(workspace.timezone, deps.clock.now());
  const draft = newCampaignDraft(who.userId, today, workspace.currency);
  await client.views.open({ trigger_id: who.triggerId, view: campaignBasicsView(draft, {}) });
}

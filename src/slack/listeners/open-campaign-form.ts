import type { WebClient } from "@slack/web-api";
import { todayIn } from "../../domain/campaigns/details.js";
import { campaignFormView } from "../blocks/campaign-form.js";
import type { ListenerDeps } from "../listener-deps.js";

/** The empty campaign form, from `/campaign` or the App Home: a few quick reads, then views.open while the trigger is fresh. */
export async function openCampaignForm(
  deps: ListenerDeps,
  client: WebClient,
  who: { teamId: string; userId: string; triggerId: string },
): Promise<void> {
  const [options, workspace] = await Promise.all([
    deps.services.campaigns.formOptions(who.teamId),
    deps.services.workspaces.get(who.teamId),
  ]);
  const today = todayIn(workspace.timezone, deps.clock.now());
  await client.views.open({ trigger_id: who.triggerId, view: campaignFormView({ options: { ...options, today }, userId: who.userId }) });
}

// Ending a campaign: its owner or a Baton admin. Its leads keep their campaign.
import { type CampaignWithSegment, endCampaignIfRunning, findCampaign } from "../../db/campaigns.js";
import { nextVersion } from "../../lib/version.js";
import { notFound } from "./campaign-errors.js";
import { manageableCampaign } from "./can-manage-campaign.js";
import type { CampaignDeps } from "./deps.js";

/** Ends a running campaign; `endedNow` is false when it had already ended (a second click changes nothing). */
export async function endCampaign(
  deps: CampaignDeps,
  teamId: string,
  actorId: string,
  campaignId: string,
): Promise<{ campaign: CampaignWithSegment; endedNow: boolean }> {
  const current = await manageableCampaign(deps, { teamId, userId: actorId, campaignId, doing: "end" });
  const at = deps.clock.now();
  const endedNow = (await endCampaignIfRunning(deps.db, teamId, campaignId, at, nextVersion(at, current.updatedAt))) === 1;
  const campaign = await findCampaign(deps.db, teamId, campaignId);
  if (!campaign) throw notFound();
  return { campaign, endedNow };
}

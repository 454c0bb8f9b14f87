// Who may edit or end a campaign: its owner, or a Baton admin.
import { type CampaignWithSegment, findCampaign } from "../../db/campaigns.js";
import { AppError } from "../../lib/errors.js";
import { notFound } from "./campaign-errors.js";
import type { CampaignDeps } from "./deps.js";

export async function canManageCampaign(deps: CampaignDeps, teamId: string, userId: string, campaign: { ownerId: string | null }) {
  return campaign.ownerId === userId || deps.roles.isAdmin(teamId, userId);
}

/** The campaign, when `userId` may `doing` it ("edit", "end"); refused with who may otherwise. */
export async function manageableCampaign(
  deps: CampaignDeps,
  { teamId, userId, campaignId, doing }: { teamId: string; userId: string; campaignId: string; doing: string },
): Promise<CampaignWithSegment> {
  const campaign = await findCampaign(deps.db, teamId, campaignId);
  if (!campaign) throw notFound();
  if (!(await canManageCampaign(deps, teamId, userId, campaign))) {
    throw new AppError("forbidden", `Only the campaign's owner or a Baton admin can ${doing} this campaign.`);
  }
  return campaign;
}

// Editing and ending a campaign: its owner or a Baton admin. Leads keep their campaign either way.
import { type CampaignWithSegment, endCampaignIfRunning, findCampaign, updateCampaignIfUnchanged } from "../../db/campaigns.js";
import { isUniqueViolation } from "../../db/errors.js";
import { AppError } from "../../lib/errors.js";
import { nextVersion, versionToken } from "../../lib/version.js";
import { editConflict } from "../form-errors.js";
import { type CampaignDeps, nameTaken, notFound } from "./context.js";
import { validateCampaign } from "./validate.js";

export async function canManageCampaign(deps: CampaignDeps, teamId: string, userId: string, campaign: { ownerId: string | null }) {
  return campaign.ownerId === userId || deps.roles.isAdmin(teamId, userId);
}

async function manageable(deps: CampaignDeps, teamId: string, userId: string, campaignId: string, doing: string) {
  const campaign = await findCampaign(deps.db, teamId, campaignId);
  if (!campaign) throw notFound();
  if (!(await canManageCampaign(deps, teamId, userId, campaign))) {
    throw new AppError("forbidden", `Only the campaign's owner or a Baton admin can ${doing} this campaign.`);
  }
  return campaign;
}

/** Saves an edit if the campaign is still the `version` the person opened. The tracking code never changes. */
export async function updateCampaign(
  deps: CampaignDeps,
  teamId: string,
  actorId: string,
  campaignId: string,
  raw: Record<string, unknown>,
  version: string,
): Promise<CampaignWithSegment> {
  const current = await manageable(deps, teamId, actorId, campaignId, "edit");
  if (versionToken(current.updatedAt) !== version) throw editConflict("name");
  const columns = await validateCampaign(deps.db, teamId, raw, { defaultCurrency: current.currency, actorId, current });
  const updatedAt = nextVersion(deps.clock.now(), current.updatedAt);
  try {
    if ((await updateCampaignIfUnchanged(deps.db, teamId, campaignId, current.updatedAt, { ...columns, updatedAt })) === 0) {
      throw editConflict("name");
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(columns.name);
    throw error;
  }
  return (await findCampaign(deps.db, teamId, campaignId)) ?? Promise.reject(notFound());
}

/** Ends a running campaign; `endedNow` is false when it had already ended (a second click changes nothing). */
export async function endCampaign(
  deps: CampaignDeps,
  teamId: string,
  actorId: string,
  campaignId: string,
): Promise<{ campaign: CampaignWithSegment; endedNow: boolean }> {
  const current = await manageable(deps, teamId, actorId, campaignId, "end");
  const at = deps.clock.now();
  const endedNow = (await endCampaignIfRunning(deps.db, teamId, campaignId, at, nextVersion(at, current.updatedAt))) === 1;
  const campaign = await findCampaign(deps.db, teamId, campaignId);
  if (!campaign) throw notFound();
  return { campaign, endedNow };
}

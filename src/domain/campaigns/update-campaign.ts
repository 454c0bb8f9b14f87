// Editing a campaign: its owner or a Baton admin, if it is still the version they opened.
import { type CampaignWithSegment, findCampaign, updateCampaignIfUnchanged } from "../../db/campaigns.js";
import { isUniqueViolation } from "../../db/errors.js";
import { nextVersion, versionToken } from "../../lib/version.js";
import { editConflict } from "../form-errors.js";
import { nameTaken, notFound } from "./campaign-errors.js";
import { manageableCampaign } from "./can-manage-campaign.js";
import type { CampaignDeps } from "./deps.js";
import { validateCampaign } from "./validate.js";

export interface CampaignEdit {
  teamId: string;
  actorId: string;
  campaignId: string;
  /** The modal's values. */
  raw: Record<string, unknown>;
  /** The campaign's version when the modal opened. */
  version: string;
}

/** Saves an edit if the campaign is still the `version` the person opened. The tracking code never changes. */
export async function updateCampaign(deps: CampaignDeps, edit: CampaignEdit): Promise<CampaignWithSegment> {
  const { teamId, actorId, campaignId } = edit;
  const current = await manageableCampaign(deps, { teamId, userId: actorId, campaignId, doing: "edit" });
  if (versionToken(current.updatedAt) !== edit.version) throw editConflict("name");
  const columns = await validateCampaign(deps.db, teamId, edit.raw, { defaultCurrency: current.currency, actorId, current });
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

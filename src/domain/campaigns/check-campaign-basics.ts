// Step 1 of the campaign form, checked when the person presses Next: the same rules as saving, on the basics alone.
import type { CampaignWithSegment } from "../../db/campaigns.js";
import { findWorkspace } from "../../db/workspaces.js";
import { CAMPAIGN_BASIC_FIELDS } from "./campaign-input.js";
import { manageableCampaign } from "./can-manage-campaign.js";
import type { CampaignDeps } from "./deps.js";
import { validateCampaign } from "./validate.js";

/**
 * Refuses step 1 with one message per field (a taken name, an end before the start, a budget that isn't one),
 * so mistakes show under their inputs before step 2. Saves nothing; saving checks everything again. When editing,
 * the person must be allowed to, and the campaign is returned.
 */
export async function checkCampaignBasics(
  deps: CampaignDeps,
  who: { teamId: string; actorId: string },
  raw: Record<string, unknown>,
  campaignId?: string,
): Promise<CampaignWithSegment | undefined> {
  const { teamId, actorId } = who;
  const current = campaignId ? await manageableCampaign(deps, { teamId, userId: actorId, campaignId, doing: "edit" }) : undefined;
  const defaultCurrency = current?.currency ?? (await findWorkspace(deps.db, teamId))?.currency ?? "USD";
  const basics = Object.fromEntries(CAMPAIGN_BASIC_FIELDS.map((field) => [field, raw[field]]));
  await validateCampaign(deps.db, teamId, basics, { defaultCurrency, actorId, ...(current ? { current } : {}) });
  return current;
}

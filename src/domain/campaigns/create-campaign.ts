import { type CampaignWithSegment, findCampaignByNameKey, insertCampaign, trackingCodesStartingWith } from "../../db/campaigns.js";
import { isUniqueViolation } from "../../db/errors.js";
import { findWorkspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import { EffectKinds } from "../outbox/effects.js";
import { enqueueTeamAnnouncement, type WrittenAnnouncement } from "../playbook/announce.js";
import { nameTaken } from "./campaign-errors.js";
import type { CampaignDeps } from "./deps.js";
import { nextFreeCode, trackingSlug } from "./tracking-code.js";
import { validateCampaign } from "./validate.js";

const ATTEMPTS = 5;

/** A campaign just logged, with its announcement in the sales channel for the logger to deliver. */
export interface CreatedCampaign {
  campaign: CampaignWithSegment;
  announcement: WrittenAnnouncement;
}

/**
 * Logs a campaign with a tracking code of its own. The unique indexes decide races: the same name submitted
 * twice at once makes one campaign (the other person is told the name is taken), and two campaigns whose
 * names make the same code get `code` and `code-2`.
 */
export async function createCampaign(
  deps: CampaignDeps,
  teamId: string,
  actorId: string,
  raw: Record<string, unknown>,
): Promise<CreatedCampaign> {
  const workspace = await findWorkspace(deps.db, teamId);
  const columns = await validateCampaign(deps.db, teamId, raw, { defaultCurrency: workspace?.currency ?? "USD", actorId });
  const slug = trackingSlug(columns.name);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const trackingCode = nextFreeCode(slug, await trackingCodesStartingWith(deps.db, teamId, slug));
    const at = deps.clock.now();
    const lease = deps.outbox.leaseFrom(at);
    try {
      return await deps.db.$transaction(async (tx) => {
        const campaign = await insertCampaign(tx, { ...columns, teamId, trackingCode, createdById: actorId, createdAt: at, updatedAt: at });
        const effect = { teamId, kind: EffectKinds.campaignLaunched, subjectId: campaign.id, channels: ["sales" as const] };
        const drawn = { campaign: { row: campaign, timezone: workspace?.timezone ?? "UTC" } };
        return { campaign, announcement: await enqueueTeamAnnouncement(tx, effect, at, lease, drawn) };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (await findCampaignByNameKey(deps.db, teamId, columns.nameKey)) throw nameTaken(columns.name);
      // The code was taken meanwhile: pick the next free one.
    }
  }
  throw new AppError("conflict", "Many campaigns are being logged right now. Please submit again.", { name: "Please submit again." });
}

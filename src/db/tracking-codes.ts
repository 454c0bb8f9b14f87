// Tracking codes from outside Slack: matching them to campaigns, the ones that matched none, and mapping those.
import type { Db, Tx } from "./client.js";

export const codeKey = (code: string): string => code.trim().toLowerCase();

/** The campaign a tracking code names in this workspace: its own code (any case), or a code an admin mapped to it. */
export async function campaignForCode(db: Db | Tx, teamId: string, code: string): Promise<string | null> {
  const key = codeKey(code);
  const own = await db.campaign.findFirst({
    where: { teamId, trackingCode: { in: [...new Set([code.trim(), key])] } },
    select: { id: true },
  });
  if (own) return own.id;
  const alias = await db.trackingCodeAlias.findUnique({ where: { teamId_code: { teamId, code: key } }, select: { campaignId: true } });
  return alias?.campaignId ?? null;
}

/** Every mapped code of the workspace (lower-cased) to its campaign id. */
export async function codeAliases(db: Db, teamId: string): Promise<Map<string, string>> {
  const rows = await db.trackingCodeAlias.findMany({ where: { teamId }, select: { code: true, campaignId: true } });
  return new Map(rows.map((row) => [row.code, row.campaignId]));
}

export interface UnmatchedCode {
  code: string;
  leads: number;
}

/** Codes kept on leads (lower-cased) because no campaign had them, most leads first. */
export async function unmatchedCodes(db: Db, teamId: string, limit: number): Promise<UnmatchedCode[]> {
  const rows = await db.lead.groupBy({
    by: ["unmatchedCampaignCode"],
    where: { teamId, unmatchedCampaignCode: { not: null } },
    _count: { _all: true },
    orderBy: { _count: { unmatchedCampaignCode: "desc" } },
    take: limit,
  });
  return rows.map((row) => ({ code: row.unmatchedCampaignCode ?? "", leads: row._count._all }));
}

export interface CodeMapping {
  teamId: string;
  code: string;
  campaignId: string;
  actorId: string;
  at: Date;
}

/**
 * Maps a code to a campaign, in one transaction: later leads with the code match it, and the leads that kept it
 * move to the campaign (only those without one: a campaign a person chose stays), each with an "updated" event.
 * Returns how many leads moved.
 */
export function mapTrackingCode(db: Db, mapping: CodeMapping): Promise<number> {
  const { teamId, campaignId, actorId, at } = mapping;
  const code = codeKey(mapping.code);
  return db.$transaction(async (tx) => {
    await tx.trackingCodeAlias.upsert({
      where: { teamId_code: { teamId, code } },
      create: { teamId, code, campaignId, mappedById: actorId, createdAt: at },
      update: { campaignId, mappedById: actorId },
    });
    const leads = await tx.lead.findMany({
      where: { teamId, unmatchedCampaignCode: code },
      select: { id: true, campaignId: true, fitGrade: true },
    });
    const moving = leads.filter((lead) => lead.campaignId === null).map((lead) => lead.id);
    await tx.lead.updateMany({ where: { teamId, unmatchedCampaignCode: code, campaignId: null }, data: { campaignId, updatedAt: at } });
    await tx.lead.updateMany({ where: { teamId, unmatchedCampaignCode: code }, data: { unmatchedCampaignCode: null } });
    if (moving.length === 0) return 0;
    // The stages these leads reached before the mapping count under the campaign too.
    await tx.leadEvent.updateMany({ where: { teamId, leadId: { in: moving }, campaignId: null }, data: { campaignId } });
    await tx.leadEvent.createMany({
      data: leads
        .filter((lead) => moving.includes(lead.id))
        .map((lead) => ({ teamId, leadId: lead.id, actorId, type: "updated", campaignId, fitGrade: lead.fitGrade, at })),
    });
    return moving.length;
  });
}

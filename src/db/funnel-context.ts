// What the funnel needs besides counts: the workspace's zone and currency, the agreement, campaign names.
import type { Db } from "./client.js";
import type { Workspace } from "./workspaces.js";

export interface FunnelContextRow {
  timezone: string;
  currency: string;
  /** The working hours the SLA is counted in. */
  workStartMinute: number;
  workEndMinute: number;
  workDays: Workspace["workDays"];
  agreement: { mqlMonthlyTarget: number; responseSlaMinutes: number; acceptanceRateTarget: number } | null;
}

export async function funnelContextRow(db: Db, teamId: string): Promise<FunnelContextRow | null> {
  const workspace = await db.workspace.findUnique({
    where: { teamId },
    select: {
      timezone: true,
      currency: true,
      workStartMinute: true,
      workEndMinute: true,
      workDays: true,
      agreement: { select: { mqlMonthlyTarget: true, responseSlaMinutes: true, acceptanceRateTarget: true } },
    },
  });
  return workspace;
}

export interface CampaignFacts {
  id: string;
  name: string;
  budgetCents: number | null;
  currency: string;
  ownerId: string | null;
}

const campaignFacts = { id: true, name: true, budgetCents: true, currency: true, ownerId: true } as const;

export function campaignsByIds(db: Db, teamId: string, ids: string[]): Promise<CampaignFacts[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.campaign.findMany({ where: { teamId, id: { in: ids } }, select: campaignFacts });
}

/** A campaign by its name, case-insensitively (the stored lower-cased `nameKey`). */
export function campaignByNameKey(db: Db, teamId: string, nameKey: string): Promise<CampaignFacts | null> {
  return db.campaign.findUnique({ where: { teamId_nameKey: { teamId, nameKey } }, select: campaignFacts });
}

export function campaignById(db: Db, teamId: string, id: string): Promise<CampaignFacts | null> {
  return db.campaign.findFirst({ where: { id, teamId }, select: campaignFacts });
}

// The few campaign reads the lead screens need (the campaign area owns campaigns themselves).
import type { Db } from "./client.js";

export interface CampaignChoice {
  id: string;
  name: string;
  active: boolean;
}

/**
 * Campaigns whose name contains `needle` (lower-cased), active ones (not ended, end date not passed) first, then by
 * name; at most `limit`.
 */
export async function campaignChoices(db: Db, teamId: string, needle: string, today: Date, limit: number): Promise<CampaignChoice[]> {
  const named = needle ? { nameKey: { contains: needle } } : {};
  const activeWhere = { teamId, ...named, endedAt: null, OR: [{ endsOn: null }, { endsOn: { gte: today } }] };
  const active = await db.campaign.findMany({
    where: activeWhere,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, name: true },
  });
  const rest =
    active.length < limit
      ? await db.campaign.findMany({
          where: { teamId, ...named, NOT: { id: { in: active.map((c) => c.id) } } },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: limit - active.length,
          select: { id: true, name: true },
        })
      : [];
  return [...active.map((c) => ({ ...c, active: true })), ...rest.map((c) => ({ ...c, active: false }))];
}

export async function campaignName(db: Db, teamId: string, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.campaign.findFirst({ where: { id, teamId }, select: { name: true } }))?.name ?? null;
}

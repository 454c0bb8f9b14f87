import type { Db, Tx } from "./client.js";
import type { Campaign } from "./generated/sqlite/client.js";

export type { Campaign };

/** A campaign with the name of its ICP segment, as cards and announcements show it. */
export type CampaignWithSegment = Campaign & { segment: { name: string } | null };

const withSegment = { segment: { select: { name: true } } } as const;

/** The columns a person sets through the campaign modal. */
export type CampaignColumns = Pick<
  Campaign,
  | "name"
  | "nameKey"
  | "channel"
  | "product"
  | "offer"
  | "place"
  | "promotion"
  | "keyMessage"
  | "segmentId"
  | "budgetCents"
  | "currency"
  | "startsOn"
  | "endsOn"
  | "ownerId"
  | "assetsUrl"
>;

export type NewCampaign = CampaignColumns & Pick<Campaign, "teamId" | "trackingCode" | "createdById" | "createdAt" | "updatedAt">;

/** Throws P2002 when the name key or the tracking code is already taken in the workspace. */
export function insertCampaign(db: Tx, data: NewCampaign): Promise<CampaignWithSegment> {
  return db.campaign.create({ data, include: withSegment });
}

export function findCampaign(db: Tx, teamId: string, id: string): Promise<CampaignWithSegment | null> {
  return db.campaign.findFirst({ where: { id, teamId }, include: withSegment });
}

export function findCampaignByNameKey(db: Tx, teamId: string, nameKey: string): Promise<CampaignWithSegment | null> {
  return db.campaign.findUnique({ where: { teamId_nameKey: { teamId, nameKey } }, include: withSegment });
}

export function findCampaignByCode(db: Tx, teamId: string, trackingCode: string): Promise<CampaignWithSegment | null> {
  return db.campaign.findUnique({ where: { teamId_trackingCode: { teamId, trackingCode } }, include: withSegment });
}

/** Campaigns whose name contains `fragment` (lower-cased, like the stored key), newest first. */
export function campaignsNamed(db: Db, teamId: string, fragment: string, take: number): Promise<CampaignWithSegment[]> {
  return db.campaign.findMany({
    where: { teamId, nameKey: { contains: fragment } },
    orderBy: { createdAt: "desc" },
    include: withSegment,
    take,
  });
}

export async function trackingCodesStartingWith(db: Db, teamId: string, prefix: string): Promise<string[]> {
  const rows = await db.campaign.findMany({ where: { teamId, trackingCode: { startsWith: prefix } }, select: { trackingCode: true } });
  return rows.flatMap((row) => (row.trackingCode ? [row.trackingCode] : []));
}

/** Saves an edit only if nobody changed the campaign since `version` (its updatedAt then). Returns rows changed. */
export async function updateCampaignIfUnchanged(
  db: Db,
  teamId: string,
  id: string,
  version: Date,
  changes: CampaignColumns & { updatedAt: Date },
): Promise<number> {
  const { count } = await db.campaign.updateMany({ where: { id, teamId, updatedAt: version }, data: changes });
  return count;
}

/** Ends a campaign unless it already ended. Its leads keep their campaignId. Returns rows changed. */
export async function endCampaignIfRunning(db: Db, teamId: string, id: string, at: Date, updatedAt: Date): Promise<number> {
  const { count } = await db.campaign.updateMany({ where: { id, teamId, endedAt: null }, data: { endedAt: at, updatedAt } });
  return count;
}

/** Campaigns not ended whose end date (if any) is today or later: running now or starting later. */
export function currentCampaigns(db: Db, teamId: string, today: Date, take: number): Promise<CampaignWithSegment[]> {
  return db.campaign.findMany({
    where: { teamId, endedAt: null, OR: [{ endsOn: null }, { endsOn: { gte: today } }] },
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    include: withSegment,
    take,
  });
}

/**
 * Campaigns that finished since `since`: ended by hand, or (not ended by hand) past their end date. Two queries
 * so that each sorts on a column it knows is set: the most recent `take` of each.
 */
export async function recentCampaigns(db: Db, teamId: string, today: Date, since: Date, take: number): Promise<CampaignWithSegment[]> {
  const [ended, finished] = await Promise.all([
    db.campaign.findMany({
      where: { teamId, endedAt: { gte: since } },
      orderBy: [{ endedAt: "desc" }, { id: "asc" }],
      include: withSegment,
      take,
    }),
    db.campaign.findMany({
      where: { teamId, endedAt: null, endsOn: { lt: today, gte: since } },
      orderBy: [{ endsOn: "desc" }, { id: "asc" }],
      include: withSegment,
      take,
    }),
  ]);
  return [...ended, ...finished];
}

/** Campaigns a lead can be attributed to when logged by hand: not ended, newest first. */
export function openCampaigns(db: Db, teamId: string, take: number): Promise<Pick<Campaign, "id" | "name">[]> {
  return db.campaign.findMany({
    where: { teamId, endedAt: null },
    orderBy: [{ createdAt: "desc" }],
    select: { id: true, name: true },
    take,
  });
}

/** The campaigns of a workspace (all, or the given ids) with what the results need. */
export function campaignsForResults(db: Db, teamId: string, ids?: string[]) {
  return db.campaign.findMany({
    where: { teamId, ...(ids ? { id: { in: ids } } : {}) },
    select: { id: true, name: true, budgetCents: true, currency: true },
    orderBy: { createdAt: "asc" },
  });
}

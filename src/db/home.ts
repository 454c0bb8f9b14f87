// What the App Home reads about one person beyond their own leads: what they did as a marketer, and what an admin
// has left to set up. Every query is scoped by the team and served by an index that starts with it.
import type { Db } from "./client.js";
import type { Campaign, Handoff, Lead } from "./generated/sqlite/client.js";

/** Whether the person created a campaign, handed off a lead or logged one since `since` (first match wins). */
export async function didMarketingSince(db: Db, teamId: string, userId: string, since: Date): Promise<boolean> {
  const select = { id: true } as const;
  if (await db.campaign.findFirst({ where: { teamId, createdById: userId, createdAt: { gte: since } }, select })) return true;
  if (await db.handoff.findFirst({ where: { teamId, handedOffById: userId, handedOffAt: { gte: since } }, select })) return true;
  return (await db.lead.findFirst({ where: { teamId, createdById: userId, createdAt: { gte: since } }, select })) !== null;
}

/** Handoffs the person made that sales has not answered yet (posted ones), soonest deadline first. */
export function handoffsWaitingOnSales(db: Db, teamId: string, userId: string, limit: number): Promise<(Handoff & { lead: Lead })[]> {
  return db.handoff.findMany({
    where: { teamId, status: "pending", handedOffById: userId, messageTs: { not: null } },
    include: { lead: true },
    orderBy: [{ slaDueAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

export function countHandoffsWaitingOnSales(db: Db, teamId: string, userId: string): Promise<number> {
  return db.handoff.count({ where: { teamId, status: "pending", handedOffById: userId, messageTs: { not: null } } });
}

/** Leads sales sent back (Nurture) after the person handed them off (qualified them), most recent first. */
export function leadsSentBackTo(db: Db, teamId: string, userId: string, limit: number): Promise<Lead[]> {
  return db.lead.findMany({
    where: { teamId, qualifiedById: userId, stage: "nurture", erasedAt: null },
    orderBy: [{ nurtureAt: "desc" }, { id: "asc" }],
    take: limit,
  });
}

/** Campaigns the person created or owns that ran at some point since `since` (not ended before it). */
export function campaignsOf(db: Db, teamId: string, userId: string, since: Date, limit: number): Promise<Pick<Campaign, "id">[]> {
  return db.campaign.findMany({
    where: { teamId, OR: [{ createdById: userId }, { ownerId: userId }], AND: [{ OR: [{ endedAt: null }, { endedAt: { gte: since } }] }] },
    select: { id: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
  });
}

/** What an admin's setup checklist reads: each part of /baton settings, set or not. */
export async function setupState(db: Db, teamId: string) {
  const [workspace, members, digests, sources] = await Promise.all([
    db.workspace.findUnique({
      where: { teamId },
      select: {
        salesChannelId: true,
        marketingChannelId: true,
        salesUserGroupId: true,
        salesUserIds: true,
        rotationEnabled: true,
        webhookSecret: true,
      },
    }),
    db.rotationMember.count({ where: { teamId } }),
    db.digestSchedule.count({ where: { teamId, enabled: true } }),
    db.leadSource.count({ where: { teamId } }),
  ]);
  const listed = Array.isArray(workspace?.salesUserIds) && workspace.salesUserIds.length > 0;
  return {
    channels: Boolean(workspace?.salesChannelId && workspace.marketingChannelId),
    salesTeam: Boolean(workspace?.salesUserGroupId) || listed,
    rotation: Boolean(workspace?.rotationEnabled) && members > 0,
    digests: digests > 0,
    leadIntake: Boolean(workspace?.webhookSecret) || sources > 0,
  };
}

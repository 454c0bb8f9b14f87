// Personal digests by DM. `campaignId` is "" (never null) for kinds without a campaign, so that the unique index
// (teamId, userId, kind, campaignId) refuses a second identical subscription on both databases.
import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";
import type { Subscription } from "./generated/sqlite/client.js";

export type { Subscription };

export interface SubscriptionKey {
  teamId: string;
  userId: string;
  kind: string;
  campaignId: string;
}

/** Subscribes, or changes the period of an existing identical subscription; `created` says which. */
export async function upsertSubscription(db: Db, key: SubscriptionKey, period: string): Promise<{ created: boolean }> {
  const where = { teamId_userId_kind_campaignId: key };
  const existing = await db.subscription.findUnique({ where });
  if (existing) {
    await db.subscription.update({ where, data: { period } });
    return { created: false };
  }
  try {
    await db.subscription.create({ data: { ...key, period } });
    return { created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await db.subscription.update({ where, data: { period } });
    return { created: false };
  }
}

export async function deleteSubscriptions(
  db: Db,
  filter: { teamId: string; userId: string; kind?: string; campaignId?: string },
): Promise<number> {
  const { count } = await db.subscription.deleteMany({ where: filter });
  return count;
}

export function subscriptionsOf(db: Db, teamId: string, userId: string): Promise<Subscription[]> {
  return db.subscription.findMany({ where: { teamId, userId }, orderBy: { createdAt: "asc" } });
}

/** The (workspace, period) pairs that have subscribers, with the workspace's zone: what the scheduler must run. */
export async function subscriptionGroups(db: Db): Promise<{ teamId: string; period: string; timezone: string }[]> {
  const groups = await db.subscription.groupBy({ by: ["teamId", "period"] });
  if (groups.length === 0) return [];
  const zones = await db.workspace.findMany({
    where: { teamId: { in: [...new Set(groups.map((g) => g.teamId))] } },
    select: { teamId: true, timezone: true },
  });
  const zoneOf = new Map(zones.map((w) => [w.teamId, w.timezone]));
  return groups.flatMap((g) => {
    const timezone = zoneOf.get(g.teamId);
    return timezone ? [{ teamId: g.teamId, period: g.period, timezone }] : [];
  });
}

/** Subscriptions of one workspace and period, in pages by id (bounded memory). */
export function subscriptionsPage(db: Db, teamId: string, period: string, afterId: string | null, take: number): Promise<Subscription[]> {
  return db.subscription.findMany({
    where: { teamId, period, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
  });
}

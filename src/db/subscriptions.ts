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
  // A new period's due time is the scheduler's to compute (null); an unchanged one keeps its own.
  const change = (from: string) => (from === period ? { period } : { period, nextRunAt: null });
  if (existing) {
    await db.subscription.update({ where, data: change(existing.period) });
    return { created: false };
  }
  try {
    await db.subscription.create({ data: { ...key, period } });
    return { created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await db.subscription.update({ where, data: { period, nextRunAt: null } });
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

interface GroupKey {
  teamId: string;
  period: string;
}

/** A workspace's personal digests of one period, as the scheduler claims them, with the workspace's zone. */
export interface SubscriptionGroup extends GroupKey {
  timezone: string;
}

/** Groups with subscriptions whose due time was never computed (new, or their period changed), with their zone. */
export async function groupsWithoutDueTime(db: Db, take: number): Promise<SubscriptionGroup[]> {
  const groups = await db.subscription.findMany({
    where: { nextRunAt: null },
    distinct: ["teamId", "period"],
    select: { teamId: true, period: true },
    take,
  });
  return withZones(db, groups);
}

export async function fillGroupDueTime(db: Db, { teamId, period }: GroupKey, nextRunAt: Date): Promise<void> {
  await db.subscription.updateMany({ where: { teamId, period, nextRunAt: null }, data: { nextRunAt } });
}

/**
 * Claims up to `limit` due groups: each moves to `leaseUntil` in one conditional update, so of several processes
 * only one sees a count for it; if this one dies, the group is due again after the lease.
 */
export async function claimDueGroups(db: Db, claim: { now: Date; leaseUntil: Date; limit: number }): Promise<SubscriptionGroup[]> {
  const { now, leaseUntil, limit } = claim;
  const due = await db.subscription.findMany({
    where: { nextRunAt: { lte: now } },
    distinct: ["teamId", "period"],
    select: { teamId: true, period: true },
    take: limit,
  });
  const claimed: GroupKey[] = [];
  for (const group of due) {
    const { count } = await db.subscription.updateMany({ where: { ...group, nextRunAt: { lte: now } }, data: { nextRunAt: leaseUntil } });
    if (count > 0) claimed.push(group);
  }
  return withZones(db, claimed);
}

/** After a run: the group's next due time, on the rows this claim moved (a row added meanwhile has its own). */
export async function releaseGroup(db: Db, { teamId, period }: GroupKey, claimedUntil: Date, nextRunAt: Date): Promise<void> {
  await db.subscription.updateMany({ where: { teamId, period, nextRunAt: claimedUntil }, data: { nextRunAt } });
}

async function withZones(db: Db, groups: GroupKey[]): Promise<SubscriptionGroup[]> {
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

// The outbox's rows: written with the decision, claimed by one delivering process at a time, settled once.
import type { Db, Tx } from "./client.js";
import type { OutboxEffect } from "./generated/sqlite/client.js";

export type { OutboxEffect };

export interface NewEffect {
  teamId: string;
  kind: string;
  subjectId: string;
  channelId: string;
}

/**
 * Writes the effects in the decision's transaction; one per (subject, kind, channel), whoever writes it again.
 * `rearm` (for idempotent effects such as a card's chat.update) makes a settled one pending again, so a later
 * decision is shown too; a delivery in flight then loses its lease and cannot settle it (see settleEffect).
 */
export async function enqueueEffects(tx: Tx, effects: NewEffect[], at: Date, rearm = false): Promise<void> {
  for (const effect of effects) {
    await tx.outboxEffect.upsert({
      where: { teamId_kind_subjectId_channelId: effect },
      create: { ...effect, dueAt: at, createdAt: at },
      update: rearm ? { status: "pending", attempts: 0, dueAt: at, claimedUntil: null, settledAt: null, lastError: null } : {},
    });
  }
}

export function effectsOf(db: Db, teamId: string, kind: string, subjectId: string): Promise<OutboxEffect[]> {
  return db.outboxEffect.findMany({ where: { teamId, kind, subjectId }, orderBy: { channelId: "asc" } });
}

/** Pending effects that are due and held by nobody: what the sweeper delivers. */
export async function dueEffectIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db.outboxEffect.findMany({
    where: { status: "pending", dueAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { dueAt: "asc" },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * Takes the effect for one delivery (a conditional update: of many replicas, one wins). Returns the row as it was
 * before the claim, so the caller knows whether an earlier claim lapsed unsettled (it may have posted already).
 * `known`: the row as the caller just read it (the claim still checks it is unchanged).
 */
export async function claimEffect(db: Db, id: string, now: Date, until: Date, known?: OutboxEffect): Promise<OutboxEffect | null> {
  const before = known ?? (await db.outboxEffect.findUnique({ where: { id } }));
  if (before?.status !== "pending") return null;
  const claimed = await db.outboxEffect.updateMany({
    where: { id, status: "pending", attempts: before.attempts, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: until, attempts: { increment: 1 } },
  });
  return claimed.count === 1 ? before : null;
}

export interface Settlement {
  status: "delivered" | "refused" | "dead";
  messageTs?: string | null;
  error?: string | null;
}

/** Settles the effect unless it was re-armed since it was claimed (`lease`: the claim's claimedUntil). */
export async function settleEffect(db: Db, id: string, lease: Date, settlement: Settlement, at: Date): Promise<void> {
  await db.outboxEffect.updateMany({
    where: { id, claimedUntil: lease },
    data: {
      status: settlement.status,
      messageTs: settlement.messageTs ?? null,
      lastError: settlement.error ?? null,
      settledAt: at,
      claimedUntil: null,
    },
  });
}

/** Slack could not be reached or was busy: try again at `dueAt`. */
export async function retryEffectLater(db: Db, id: string, lease: Date, error: string, dueAt: Date): Promise<void> {
  await db.outboxEffect.updateMany({ where: { id, claimedUntil: lease }, data: { lastError: error, dueAt, claimedUntil: null } });
}

export function pendingEffectCount(db: Db): Promise<number> {
  return db.outboxEffect.count({ where: { status: "pending" } });
}

// The outbox's rows: written with the decision, claimed by one delivering process at a time, settled once.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "./client.js";
import type { OutboxEffect } from "./generated/sqlite/client.js";

export type { OutboxEffect };

export interface NewEffect {
  teamId: string;
  kind: string;
  subjectId: string;
  channelId: string;
}

/** How a write leaves its effects: `rearm` and, for the writer that delivers them itself, its claim. */
export interface WriteOptions {
  /**
   * For idempotent effects such as a card's chat.update: makes a settled one pending again, so a later decision is
   * shown too; a delivery in flight then loses its lease and cannot settle it (see settleEffect).
   */
  rearm?: boolean;
  /**
   * Writes them already claimed by the writer until then, with one attempt counted: it delivers them right after
   * the commit, with no read and no claim. Should it die first, the sweeper takes them over once this passes, as
   * after any claim that lapsed unsettled (looking in the channel for a post first).
   */
  claimedUntil?: Date;
  /**
   * Their subject was created in this same transaction (a campaign, a lead), so no row can be there already: all
   * are inserted in one statement.
   */
  fresh?: boolean;
}

/** A row as the write left it, and whether the write holds it (its claim: the writer delivers it). */
export interface WrittenEffect {
  effect: OutboxEffect;
  claimed: boolean;
}

/**
 * Writes the effects in the decision's transaction, one statement each; one per (subject, kind, channel), whoever
 * writes it again (a row written earlier is left as it is, unless re-armed). Returns the rows as written.
 */
export async function enqueueEffects(tx: Tx, effects: NewEffect[], at: Date, options: WriteOptions = {}): Promise<WrittenEffect[]> {
  const until = options.claimedUntil ?? null;
  if (options.fresh && !options.rearm && effects.length > 0) {
    const claim = until ? { claimedUntil: until, attempts: 1 } : {};
    const rows = await tx.outboxEffect.createManyAndReturn({ data: effects.map((e) => ({ ...e, dueAt: at, createdAt: at, ...claim })) });
    return rows.map((effect) => ({ effect, claimed: until !== null }));
  }
  const written: WrittenEffect[] = [];
  for (const effect of effects) {
    // Our own id: a row that was already there comes back with its own, so the write knows it did not create it.
    const id = randomUUID();
    const row = await tx.outboxEffect.upsert({
      where: { teamId_kind_subjectId_channelId: effect },
      create: { ...effect, id, dueAt: at, createdAt: at, ...(until ? { claimedUntil: until, attempts: 1 } : {}) },
      update: options.rearm
        ? { status: "pending", attempts: until ? 1 : 0, dueAt: at, claimedUntil: until, settledAt: null, lastError: null }
        : {},
    });
    const ours = row.id === id || options.rearm === true;
    written.push({ effect: row, claimed: until !== null && ours });
  }
  return written;
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

/**
 * Settles the effect unless it was re-armed since it was claimed (`lease`: the claim's claimedUntil); true when it
 * did.
 */
export async function settleEffect(db: Db, id: string, lease: Date, settlement: Settlement, at: Date): Promise<boolean> {
  const settled = await db.outboxEffect.updateMany({
    where: { id, claimedUntil: lease },
    data: {
      status: settlement.status,
      messageTs: settlement.messageTs ?? null,
      lastError: settlement.error ?? null,
      settledAt: at,
      claimedUntil: null,
    },
  });
  return settled.count === 1;
}

/** Slack could not be reached or was busy: try again at `dueAt`. */
export async function retryEffectLater(db: Db, id: string, lease: Date, error: string, dueAt: Date): Promise<void> {
  await db.outboxEffect.updateMany({ where: { id, claimedUntil: lease }, data: { lastError: error, dueAt, claimedUntil: null } });
}

export function pendingEffectCount(db: Db): Promise<number> {
  return db.outboxEffect.count({ where: { status: "pending" } });
}

/** Gives back claims a writer took but will not deliver now (the sweeper delivers them, with no look first). */
export async function releaseEffects(db: Db, ids: string[], lease: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.outboxEffect.updateMany({
    where: { id: { in: ids }, claimedUntil: lease, attempts: 1 },
    data: { claimedUntil: null, attempts: 0 },
  });
}

/** The workspace's dead letters settled since `since`, oldest first, at most `take`, and how many there are. */
// From the previous report's time on, that instant included: a letter settled in the same millisecond as the report
// is listed again rather than never.
export async function deadEffectsSince(
  db: Db,
  teamId: string,
  since: Date,
  take: number,
): Promise<{ rows: OutboxEffect[]; total: number }> {
  const where = { teamId, status: "dead", settledAt: { gte: since } };
  const [rows, total] = await Promise.all([
    db.outboxEffect.findMany({ where, orderBy: { settledAt: "asc" }, take }),
    db.outboxEffect.count({ where }),
  ]);
  return { rows, total };
}

/** Workspaces with a dead letter settled since then (dead letters are rare: a scan of them, by status). */
export async function teamsWithDeadEffectsSince(db: Db, since: Date): Promise<string[]> {
  const rows = await db.outboxEffect.findMany({
    where: { status: "dead", settledAt: { gte: since } },
    distinct: ["teamId"],
    select: { teamId: true },
  });
  return rows.map((row) => row.teamId);
}

// The outbox's rows: written with the decision, claimed by one delivering process at a time, settled once.
import { randomUUID } from "node:crypto";
import type { Db, Tx } from "./client.js";
import { executeRaw, queryRows } from "./direct.js";
import { type OutboxEffect, Prisma } from "./generated/sqlite/client.js";
import { text } from "./raw-rows.js";

export type { OutboxEffect };

export interface NewEffect {
  teamId: string;
  kind: string;
  subjectId: string;
  channelId: string;
  /**
   * For idempotent effects such as a card's chat.update: makes a settled one pending again, so a later decision is
   * shown too; a delivery in flight then loses its lease and cannot settle it (see settleEffect).
   */
  rearm?: boolean;
}

/** How a write leaves its effects, for the writer that delivers them itself: its claim. */
export interface WriteOptions {
  /**
   * Writes them already claimed by the writer until then, with one attempt counted: it delivers them right after
   * the commit, with no read and no claim. Should it die first, the sweeper takes them over once this passes, as
   * after any claim that lapsed unsettled (looking in the channel for a post first).
   */
  claimedUntil?: Date;
}

/** A row as the write left it, and whether the write holds it (its claim: the writer delivers it). */
export interface WrittenEffect {
  effect: OutboxEffect;
  claimed: boolean;
}

const keyOf = (e: Pick<NewEffect, "teamId" | "kind" | "subjectId" | "channelId">) => `${e.teamId} ${e.kind} ${e.subjectId} ${e.channelId}`;

/**
 * Writes the effects in the decision's transaction, all in one statement; one row per (subject, kind, channel),
 * whoever writes it again (a row written earlier is left as it is, unless re-armed). Returns the rows as written,
 * in the order given.
 */
export async function enqueueEffects(tx: Tx, effects: NewEffect[], at: Date, options: WriteOptions = {}): Promise<WrittenEffect[]> {
  if (effects.length === 0) return [];
  const until = options.claimedUntil ?? null;
  // Our own ids: the rows the statement returns are the ones it inserted or re-armed, ours to deliver.
  const wanted = new Map<string, NewEffect & { id: string }>();
  for (const effect of effects) {
    const seen = wanted.get(keyOf(effect));
    if (seen) seen.rearm = seen.rearm === true || effect.rearm === true;
    else wanted.set(keyOf(effect), { ...effect, id: randomUUID() });
  }
  // Both adapters type a raw row's columns from the table: DateTime comes back a Date, Int a number, NULL null.
  const rows = await queryRows<OutboxEffect>(tx, upsertEffects([...wanted.values()], at, until));
  const written = new Map(rows.map((effect) => [keyOf(effect), { effect, claimed: until !== null }]));
  // A row written earlier and not re-armed is not returned: read as it stands (only when a write was repeated).
  const others = [...wanted.values()].filter((e) => !written.has(keyOf(e)));
  if (others.length > 0) {
    const where = { OR: others.map(({ teamId, kind, subjectId, channelId }) => ({ teamId, kind, subjectId, channelId })) };
    for (const effect of await tx.outboxEffect.findMany({ where })) written.set(keyOf(effect), { effect, claimed: false });
  }
  return effects.map((effect) => {
    const row = written.get(keyOf(effect));
    if (!row) throw new Error(`outbox effect ${effect.kind} was neither written nor found`);
    return row;
  });
}

/**
 * One INSERT for the batch (Prisma's upsert is one statement per row, each about a millisecond of its client
 * engine's CPU). The rows to re-arm are named by the ids generated for them: `excluded` is the row the statement
 * tried to insert, so `excluded."id"` says which of the batch a conflicting row was written for, and only those
 * are updated (a VALUES column that is not stored would need INSERT ... SELECT, with casts that differ between the
 * two databases). Both SQLite (3.35+) and PostgreSQL return only the rows inserted or updated.
 */
function upsertEffects(rows: (NewEffect & { id: string })[], at: Date, until: Date | null): Prisma.Sql {
  const attempts = until ? 1 : 0;
  const values = rows.map(
    (r) => Prisma.sql`(${r.id}, ${r.teamId}, ${r.kind}, ${r.subjectId}, ${r.channelId}, 'pending', ${attempts}, ${at}, ${until}, ${at})`,
  );
  const rearmed = rows.filter((r) => r.rearm).map((r) => r.id);
  const onConflict =
    rearmed.length === 0
      ? Prisma.sql`DO NOTHING`
      : Prisma.sql`DO UPDATE SET "status" = 'pending', "attempts" = excluded."attempts", "dueAt" = excluded."dueAt",
          "claimedUntil" = excluded."claimedUntil", "settledAt" = NULL, "lastError" = NULL
        WHERE excluded."id" IN (${Prisma.join(rearmed)})`;
  return Prisma.sql`INSERT INTO "OutboxEffect" ("id", "teamId", "kind", "subjectId", "channelId", "status", "attempts", "dueAt", "claimedUntil", "createdAt")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("teamId", "kind", "subjectId", "channelId") ${onConflict}
    RETURNING ${RETURNED}`;
}

const RETURNED = Prisma.sql`"id", "teamId", "kind", "subjectId", "channelId", "status", "attempts", "dueAt", "claimedUntil",
  "lastError", "messageTs", "createdAt", "settledAt"`;

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
 * did. Raw (one statement, no query compiler): every delivered effect is settled, two per Accept.
 */
export async function settleEffect(db: Db, id: string, lease: Date, settlement: Settlement, at: Date): Promise<boolean> {
  const settled = await executeRaw(
    db,
    Prisma.sql`
    UPDATE "OutboxEffect" SET "status" = ${settlement.status}, "messageTs" = ${settlement.messageTs ?? null},
      "lastError" = ${settlement.error ?? null}, "settledAt" = ${at}, "claimedUntil" = NULL
    WHERE "id" = ${text(id)} AND "claimedUntil" = ${lease}`,
  );
  return settled === 1;
}

/** Slack could not be reached or was busy: try again at `dueAt`. Raw, as the settle. */
export async function retryEffectLater(db: Db, id: string, lease: Date, error: string, dueAt: Date): Promise<void> {
  await executeRaw(
    db,
    Prisma.sql`
    UPDATE "OutboxEffect" SET "lastError" = ${error}, "dueAt" = ${dueAt}, "claimedUntil" = NULL
    WHERE "id" = ${text(id)} AND "claimedUntil" = ${lease}`,
  );
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

/**
 * Effects about these subjects (a subject, or one of its recurring `subject@...` rows) that a process holds right
 * now: written or claimed for delivery and not settled, their lease not passed.
 */
export function effectsInFlight(db: Db, teamId: string, subjectIds: string[], now: Date): Promise<number> {
  return db.outboxEffect.count({
    where: {
      teamId,
      status: "pending",
      claimedUntil: { gt: now },
      OR: subjectIds.flatMap((id) => [{ subjectId: id }, { subjectId: { startsWith: `${id}@` } }]),
    },
  });
}

// Scheduled runs claimed in the database: a unique key per schedule and scheduled time, with a lease.
// Every claim, lease renewal and finish is one SQL statement (no transaction around it): atomic on both
// databases, and it never holds SQLite's write lock across an await (Prisma wraps updateMany in BEGIN/COMMIT,
// which stalls other connections of the same process on SQLite's synchronous busy wait).
import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";
import type { Delivery, JobRun } from "./generated/sqlite/client.js";

export type { Delivery, JobRun };

export interface NewRun {
  key: string;
  kind: string;
  teamId: string | null;
  scheduleId: string | null;
  scheduledFor: Date;
  claimedBy: string;
  leaseUntil: Date;
  late: boolean;
  status?: "running" | "skipped";
  error?: string;
}

/** Inserts the run; null when another replica (or an earlier life of this one) already has this key. */
export async function insertRun(db: Db, run: NewRun): Promise<JobRun | null> {
  try {
    return await db.jobRun.create({
      data: { ...run, status: run.status ?? "running", ...(run.status === "skipped" ? { finishedAt: run.leaseUntil } : {}) },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Takes over a run whose owner died (lease expired while running) or that failed and may be retried. The
 * conditional update makes exactly one of several replicas the new owner.
 */
export async function takeOverRun(
  db: Db,
  key: string,
  claim: { claimedBy: string; now: Date; leaseUntil: Date; maxAttempts: number; late: boolean },
): Promise<JobRun | null> {
  const count = await db.$executeRaw`
    UPDATE "JobRun" SET "status" = 'running', "claimedBy" = ${claim.claimedBy}, "leaseUntil" = ${claim.leaseUntil},
      "attempts" = "attempts" + 1, "late" = ${claim.late}
    WHERE "key" = ${key} AND "attempts" < ${claim.maxAttempts}
      AND (("status" = 'running' AND "leaseUntil" < ${claim.now}) OR "status" = 'failed')`;
  return count === 1 ? db.jobRun.findUnique({ where: { key } }) : null;
}

export function findRun(db: Db, key: string): Promise<JobRun | null> {
  return db.jobRun.findUnique({ where: { key } });
}

/** Extends the lease; false when this owner lost it (another replica took the run over). */
export async function renewLease(db: Db, runId: string, claimedBy: string, leaseUntil: Date): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "JobRun" SET "leaseUntil" = ${leaseUntil} WHERE "id" = ${runId} AND "claimedBy" = ${claimedBy} AND "status" = 'running'`;
  return count === 1;
}

export async function finishRun(
  db: Db,
  runId: string,
  claimedBy: string,
  outcome: { status: "done" | "failed" | "skipped"; error?: string | null; at: Date },
): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "JobRun" SET "status" = ${outcome.status}, "error" = ${outcome.error ?? null}, "finishedAt" = ${outcome.at}
    WHERE "id" = ${runId} AND "claimedBy" = ${claimedBy} AND "status" = 'running'`;
  return count === 1;
}

/** Gives up on an unfinished run that is too old to post (superseded by a newer one, or past the late bound). */
export async function abandonRun(db: Db, key: string, now: Date, reason: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "JobRun" SET "status" = 'skipped', "error" = ${reason}, "finishedAt" = ${now}
    WHERE "key" = ${key} AND ("status" = 'failed' OR ("status" = 'running' AND "leaseUntil" < ${now}))`;
  return count === 1;
}

export function runsByKeys(db: Db, keys: string[]): Promise<Pick<JobRun, "key" | "status" | "leaseUntil" | "attempts">[]> {
  if (keys.length === 0) return Promise.resolve([]);
  return db.jobRun.findMany({ where: { key: { in: keys } }, select: { key: true, status: true, leaseUntil: true, attempts: true } });
}

export function findDelivery(db: Db, runId: string, target: string): Promise<Delivery | null> {
  return db.delivery.findUnique({ where: { runId_target: { runId, target } } });
}

/**
 * Records the intent to send before calling Slack: a new row, or a row whose last try failed ("retry"). False
 * when the row is in any other state (someone else is sending it, or it is settled).
 */
export async function startDelivery(db: Db, runId: string, target: string): Promise<boolean> {
  try {
    await db.delivery.create({ data: { runId, target, status: "sending" } });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const count = await db.$executeRaw`
    UPDATE "Delivery" SET "status" = 'sending', "error" = NULL WHERE "runId" = ${runId} AND "target" = ${target} AND "status" = 'retry'`;
  return count === 1;
}

export async function settleDelivery(
  db: Db,
  runId: string,
  target: string,
  outcome: { status: "posted" | "retry" | "failed" | "skipped"; messageTs?: string | null; postedAt?: Date | null; error?: string | null },
): Promise<void> {
  await db.delivery.upsert({
    where: { runId_target: { runId, target } },
    create: { runId, target, ...outcome },
    update: outcome,
  });
}

/** "Do this once": true for the first caller with this key, false for everyone after. */
export async function markOnce(db: Db, key: string, teamId: string | null): Promise<boolean> {
  try {
    await db.onceMarker.create({ data: { key, teamId } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Forgets markers, so the next occurrence of the problem they stand for is reported again. */
export async function clearMarkersWithPrefix(db: Db, prefix: string): Promise<void> {
  await db.onceMarker.deleteMany({ where: { key: { startsWith: prefix } } });
}

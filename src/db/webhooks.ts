import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";
import type { WebhookReceipt } from "./generated/sqlite/client.js";

export type { WebhookReceipt };

/** A receipt with this status is a claim: the request with that key is being processed. */
export const IN_PROGRESS = 0;

export type ReceiptClaim = { claimed: true; id: string } | { claimed: false; receipt: WebhookReceipt };

/** Claims an Idempotency-Key for a workspace; the unique (teamId, idempotencyKey) index decides races. */
export async function claimWebhookReceipt(
  db: Db,
  teamId: string,
  idempotencyKey: string,
  at: Date,
  bodyHash: string | null = null,
): Promise<ReceiptClaim> {
  try {
    const row = await db.webhookReceipt.create({
      data: { teamId, idempotencyKey, bodyHash, status: IN_PROGRESS, body: "", createdAt: at },
    });
    return { claimed: true, id: row.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const receipt = await db.webhookReceipt.findUnique({ where: { teamId_idempotencyKey: { teamId, idempotencyKey } } });
  if (!receipt) return claimWebhookReceipt(db, teamId, idempotencyKey, at, bodyHash); // released meanwhile: try again
  return { claimed: false, receipt };
}

/** Takes over a claim left by a process that died mid-request (older than `staleBefore`): one taker wins. */
export async function takeOverStaleReceipt(db: Db, id: string, teamId: string, staleBefore: Date, at: Date): Promise<boolean> {
  const { count } = await db.webhookReceipt.updateMany({
    where: { id, teamId, status: IN_PROGRESS, createdAt: { lt: staleBefore } },
    data: { createdAt: at },
  });
  return count === 1;
}

export async function completeWebhookReceipt(db: Db, id: string, teamId: string, status: number, body: string): Promise<void> {
  await db.webhookReceipt.updateMany({ where: { id, teamId, status: IN_PROGRESS }, data: { status, body } });
}

export async function releaseWebhookReceipt(db: Db, id: string, teamId: string): Promise<void> {
  await db.webhookReceipt.deleteMany({ where: { id, teamId, status: IN_PROGRESS } });
}

/** Deletes receipts older than `before`; those whose key starts with `keepPrefix` only when older than `keepBefore`. */
export async function pruneWebhookReceipts(db: Db, before: Date, keep?: { prefix: string; before: Date }): Promise<number> {
  if (!keep) return (await db.webhookReceipt.deleteMany({ where: { createdAt: { lt: before } } })).count;
  const others = await db.webhookReceipt.deleteMany({
    where: { createdAt: { lt: before }, NOT: { idempotencyKey: { startsWith: keep.prefix } } },
  });
  const kept = await db.webhookReceipt.deleteMany({
    where: { createdAt: { lt: keep.before }, idempotencyKey: { startsWith: keep.prefix } },
  });
  return others.count + kept.count;
}

/** Adds one to a fixed-window counter and returns the new count; atomic in the database, so it holds across replicas. */
export async function countInWindow(db: Db, key: string, teamId: string, expiresAt: Date): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.rateWindow.upsert({
        where: { key },
        create: { key, teamId, count: 1, expiresAt },
        update: { count: { increment: 1 } },
        select: { count: true },
      });
      return row.count;
    } catch (error) {
      // Prisma may run the upsert as read-then-write: a concurrent first request wins the insert, we go round.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

export async function pruneRateWindows(db: Db, now: Date): Promise<number> {
  const { count } = await db.rateWindow.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

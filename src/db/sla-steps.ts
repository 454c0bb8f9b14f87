import type { Db, Tx } from "./client.js";
import type { SlaStep } from "./generated/sqlite/client.js";

export type { SlaStep };

/** Steps whose time has come, not done and not held by a live lease, oldest first (all workspaces). */
export function dueSlaSteps(db: Db, now: Date, limit: number): Promise<SlaStep[]> {
  return db.slaStep.findMany({
    where: { doneAt: null, dueAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/**
 * Takes a step for `owner` until `until`: the conditional update lets one replica have it; another may take it over
 * only once the lease has run out (the first one died). False when someone else holds it or it is done.
 */
export async function claimSlaStep(db: Db, id: string, owner: string, now: Date, until: Date): Promise<boolean> {
  const { count } = await db.slaStep.updateMany({
    where: { id, doneAt: null, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: until, claimedBy: owner },
  });
  return count === 1;
}

/** Marks a claimed step done with its outcome; false when the lease was lost to another replica meanwhile. */
export async function finishSlaStep(db: Tx, id: string, owner: string, at: Date, outcome: string): Promise<boolean> {
  const { count } = await db.slaStep.updateMany({ where: { id, claimedBy: owner, doneAt: null }, data: { doneAt: at, outcome } });
  return count === 1;
}

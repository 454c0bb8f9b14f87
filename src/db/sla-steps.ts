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

/** Runs steps of a handoff again at new times (after a reassignment): not done, not claimed, due at `dueAt`. */
export async function rearmSlaSteps(tx: Tx, teamId: string, handoffId: string, steps: { step: string; dueAt: Date }[]): Promise<void> {
  for (const { step, dueAt } of steps) {
    await tx.slaStep.updateMany({
      where: { teamId, handoffId, step },
      data: { dueAt, doneAt: null, outcome: null, claimedUntil: null, claimedBy: null },
    });
  }
}

/** Steps of a handoff other than `exceptId` that are not done yet (due, running elsewhere, or later). */
export function countOpenSlaSteps(db: Db, teamId: string, handoffId: string, exceptId: string): Promise<number> {
  return db.slaStep.count({ where: { teamId, handoffId, doneAt: null, id: { not: exceptId } } });
}

/** Gives a claimed step back (not done), so the next run takes it again. */
export async function releaseSlaStep(db: Db, id: string, owner: string): Promise<void> {
  await db.slaStep.updateMany({ where: { id, claimedBy: owner, doneAt: null }, data: { claimedUntil: null, claimedBy: null } });
}

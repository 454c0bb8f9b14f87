// Due work, found by the due-time index rather than by reading every schedule: each digest schedule and each
// workspace's group of personal digests keeps when it is next due (nextRunAt). A tick claims a few due ones at a
// time with a conditional update, runs them through the exactly-once run path (DigestRuns.catchUp) a bounded
// number at once, and sets each one's next due time. Nothing due costs a few index lookups, whatever the number
// of workspaces.
import {
  claimDueSchedules,
  fillDueTime,
  releaseSchedule,
  type ScheduleTiming,
  schedulesWithoutDueTime,
} from "../../db/digest-schedules.js";
import { claimDueGroups, fillGroupDueTime, groupsWithoutDueTime, releaseGroup, type SubscriptionGroup } from "../../db/subscriptions.js";
import type { DigestDeps } from "./deps.js";
import type { RunTarget } from "./run-keys.js";
import { LEASE_MS } from "./run-lease.js";
import { nextSlotAfter, slotsBetween } from "./run-slots.js";
import { SUBSCRIPTION_CRON } from "./run-timings.js";

/** How far back a due schedule's slots are looked at: a little over a week, so a weekly digest's last slot is seen. */
export const LOOKBACK_MS = 8 * 24 * 60 * 60_000;
/** A run that failed is looked at again this much later (MAX_ATTEMPTS in all). */
export const RETRY_AFTER_MS = 30_000;
/** An expression with no slot in the horizon (or one node-cron refuses) is looked at again a year later. */
const NEVER_MS = 365 * 24 * 60 * 60_000;
const FILL_PAGE = 500;

type DueDeps = Pick<DigestDeps, "db" | "provider" | "clock" | "logger">;

/** Runs one target's slots up to now; resolves to when it must be looked at again before its next slot, if ever. */
export type CatchUp = (target: RunTarget, slots: Date[]) => Promise<Date | null>;

type Claimed = { leaseUntil: Date } & ({ kind: "digest"; schedule: ScheduleTiming } | { kind: "subscriptions"; group: SubscriptionGroup });

/**
 * Claims and runs due work until none is left, `concurrency` at a time; resolves to how many were run. Once
 * `stopping` is aborted nothing more is claimed, and what was claimed but not started is handed back at once.
 */
export async function runDueWork(deps: DueDeps, catchUp: CatchUp, concurrency: number, stopping?: AbortSignal): Promise<number> {
  await fillDueTimes(deps);
  const queue: Claimed[] = [];
  let claiming: Promise<boolean> | null = null;
  let exhausted = false;
  let ran = 0;
  const refill = (): Promise<boolean> => {
    if (exhausted || stopping?.aborted) return Promise.resolve(false);
    claiming ??= claimBatch(deps, concurrency)
      .catch((error: unknown) => {
        // The database is away: this tick ends with what it has; the next one claims again.
        deps.logger.error({ err: error }, "could not claim due digests");
        return [];
      })
      .then((items) => {
        queue.push(...items);
        exhausted = items.length === 0;
        return !exhausted;
      })
      .finally(() => {
        claiming = null;
      });
    return claiming;
  };
  const worker = async () => {
    for (;;) {
      const item = queue.shift();
      if (item && stopping?.aborted) {
        await release(deps, item, deps.clock.now());
      } else if (item) {
        await runClaimed(deps, catchUp, item);
        ran += 1;
      } else if (!(await refill()) && queue.length === 0) {
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return ran;
}

async function claimBatch(deps: DueDeps, limit: number): Promise<Claimed[]> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const schedules = await claimDueSchedules(deps.db, deps.provider, { now, leaseUntil, limit });
  const groups = await claimDueGroups(deps.db, { now, leaseUntil, limit });
  return [
    ...schedules.map((schedule) => ({ kind: "digest" as const, schedule, leaseUntil })),
    ...groups.map((group) => ({ kind: "subscriptions" as const, group, leaseUntil })),
  ];
}

async function runClaimed(deps: DueDeps, catchUp: CatchUp, item: Claimed): Promise<void> {
  const timing = timingOf(item);
  let due: Date;
  try {
    const now = deps.clock.now();
    if (!timing.cron) throw new Error(`no schedule for personal digests of period ${JSON.stringify(timing.period)}`);
    const after = new Date(Math.max(timing.notBefore.getTime(), now.getTime() - LOOKBACK_MS));
    const recheck = await catchUp(timing.target, slotsBetween(timing.cron, timing.timezone, after, now));
    const next = nextSlotAfter(timing.cron, timing.timezone, now) ?? new Date(now.getTime() + NEVER_MS);
    due = recheck && recheck < next ? recheck : next;
  } catch (error) {
    deps.logger.error({ err: error, target: timing.target }, "due digest work failed; it is retried shortly, the rest goes on");
    due = new Date(deps.clock.now().getTime() + RETRY_AFTER_MS);
  }
  await release(deps, item, due);
}

/** Hands the claim back with its next due time. */
async function release(deps: DueDeps, item: Claimed, due: Date): Promise<void> {
  try {
    if (item.kind === "digest") await releaseSchedule(deps.db, item.schedule.id, item.leaseUntil, due);
    else await releaseGroup(deps.db, item.group, item.leaseUntil, due);
  } catch (error) {
    // The claim's lease runs out and the work is due again then; nothing is lost.
    deps.logger.error({ err: error, target: timingOf(item).target }, "could not record the next due time");
  }
}

interface Timing {
  target: RunTarget;
  cron: string;
  period?: string;
  timezone: string;
  /** Slots at or before this are not this schedule's (it did not exist, or said something else, then). */
  notBefore: Date;
}

function timingOf(item: Claimed): Timing {
  if (item.kind === "digest") {
    const { id, cron, timezone, createdAt, updatedAt } = item.schedule;
    return {
      target: { kind: "digest", scheduleId: id },
      cron,
      timezone,
      notBefore: new Date(Math.max(createdAt.getTime(), updatedAt.getTime())),
    };
  }
  const { teamId, period, timezone } = item.group;
  const cron = SUBSCRIPTION_CRON[period] ?? "";
  return { target: { kind: "subscriptions", teamId, period }, cron, period, timezone, notBefore: new Date(0) };
}

/**
 * Rows written without a due time (default schedules of a new workspace, a new subscription, rows from before
 * due times existed) get one: the first slot after they began, looking back at most LOOKBACK_MS, so a slot
 * missed while no Baton ran is due at once. Rows alike are set in one statement.
 */
export async function fillDueTimes(deps: DueDeps): Promise<void> {
  const now = deps.clock.now();
  const horizon = new Date(now.getTime() - LOOKBACK_MS);
  const memo = new Map<string, number>();
  for (let page = 0; page < 100; page++) {
    const schedules = await schedulesWithoutDueTime(deps.db, FILL_PAGE);
    const byDue = new Map<number, string[]>();
    for (const s of schedules) {
      const begun = new Date(Math.max(s.createdAt.getTime(), s.updatedAt.getTime(), horizon.getTime()));
      const due = firstSlot(deps, memo, { cron: s.cron, zone: s.timezone, after: begun, now });
      byDue.set(due.getTime(), [...(byDue.get(due.getTime()) ?? []), s.id]);
    }
    for (const [due, ids] of byDue) await fillDueTime(deps.db, ids, new Date(due));
    if (schedules.length < FILL_PAGE) break;
  }
  for (let page = 0; page < 100; page++) {
    const groups = await groupsWithoutDueTime(deps.db, FILL_PAGE);
    for (const group of groups) {
      const cron = SUBSCRIPTION_CRON[group.period] ?? "";
      await fillGroupDueTime(deps.db, group, firstSlot(deps, memo, { cron, zone: group.timezone, after: horizon, now }));
    }
    if (groups.length < FILL_PAGE) break;
  }
}

/** The first slot after `after` (NEVER_MS from now when there is none, or the expression or zone is unusable). */
function firstSlot(deps: DueDeps, memo: Map<string, number>, at: { cron: string; zone: string; after: Date; now: Date }): Date {
  const key = `${at.cron}|${at.zone}|${at.after.getTime()}`;
  const known = memo.get(key);
  if (known !== undefined) return new Date(known);
  let due: Date | null = null;
  try {
    due = at.cron ? nextSlotAfter(at.cron, at.zone, at.after) : null;
  } catch (error) {
    deps.logger.error({ err: error, cron: at.cron, zone: at.zone }, "a digest's time cannot be computed; it is looked at again in a year");
  }
  const value = due ?? new Date(at.now.getTime() + NEVER_MS);
  memo.set(key, value.getTime());
  return value;
}

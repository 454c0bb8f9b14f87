// Scheduled digest runs: claimed once per schedule and scheduled time in the database (a unique JobRun key with
// a lease), executed, retried by a later tick when they fail, taken over when their replica dies.
import { enabledScheduleTimings } from "../../db/digest-schedules.js";
import { abandonRun, findRun, finishRun, insertRun, type JobRun, runsByKeys, takeOverRun } from "../../db/job-runs.js";
import { subscriptionGroups } from "../../db/subscriptions.js";
import type { Metrics } from "../../lib/metrics.js";
import { type DeliveryDeps, errorText, LEASE_MS, LostLease } from "./delivery.js";
import type { DigestPublisher } from "./ports.js";
import { executeDigestRun } from "./run-digest.js";
import { MAX_ATTEMPTS, planSlots, type RunState } from "./run-policy.js";
import { executeSubscriptionRun } from "./run-subscriptions.js";

export interface RunDeps extends DeliveryDeps {
  publisher: DigestPublisher;
  /** Names this process in JobRun.claimedBy. */
  replicaId: string;
  /** Counts finished runs by outcome. */
  metrics?: Pick<Metrics, "digestRuns">;
}

/** What a run is for: one digest schedule, or one workspace's personal digests of one period. */
export type RunTarget = { kind: "digest"; scheduleId: string } | { kind: "subscriptions"; teamId: string; period: string };

/** The node-cron task name for a schedule: node-cron's coordination key is `${name}:${slot ISO}`. */
export const digestTaskName = (scheduleId: string) => `digest:${scheduleId}`;

export function runKey(target: RunTarget, slot: Date): string {
  const prefix = target.kind === "digest" ? digestTaskName(target.scheduleId) : `subscriptions:${target.teamId}:${target.period}`;
  return `${prefix}:${slot.toISOString()}`;
}

export function parseRunKey(key: string): { target: RunTarget; slot: Date } | null {
  const digest = /^digest:([^:]+):(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(key);
  if (digest) return { target: { kind: "digest", scheduleId: digest[1] ?? "" }, slot: new Date(digest[2] ?? "") };
  const subs = /^subscriptions:([^:]+):([a-z]+):(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(key);
  if (subs) return { target: { kind: "subscriptions", teamId: subs[1] ?? "", period: subs[2] ?? "" }, slot: new Date(subs[3] ?? "") };
  return null;
}

export class DigestRuns {
  constructor(private readonly deps: RunDeps) {}

  /** Every schedule and personal-digest group the scheduler must keep an eye on. */
  timings(): Promise<RunTiming[]> {
    return runTimings(this.deps);
  }

  /**
   * node-cron's run coordinator calls this at a scheduled time on every replica: true for exactly one of them.
   * The lease is ours (LEASE_MS), renewed while we work, whatever ttl node-cron suggests.
   */
  async claimKey(key: string): Promise<boolean> {
    const parsed = parseRunKey(key);
    if (!parsed) return false;
    return (await this.claim(parsed.target, parsed.slot, false)) !== null;
  }

  /** Runs a run this replica claimed (after claimKey said true). */
  async executeKey(key: string): Promise<void> {
    const run = await findRun(this.deps.db, key);
    if (run?.status !== "running" || run.claimedBy !== this.deps.replicaId) return;
    await this.execute(run);
  }

  /**
   * The scheduler's sweep: posts the newest slot if nobody did (late if need be), resumes a failed or orphaned
   * run, records older missed slots as skipped. `slots`: scheduled times up to now, newest first.
   */
  async catchUp(target: RunTarget, slots: Date[]): Promise<void> {
    const now = this.deps.clock.now();
    const keys = slots.map((slot) => runKey(target, slot));
    const runs = new Map<number, RunState>();
    for (const run of await runsByKeys(this.deps.db, keys)) {
      const parsed = parseRunKey(run.key);
      if (parsed) runs.set(parsed.slot.getTime(), run);
    }
    for (const step of planSlots(slots, runs, now)) {
      const key = runKey(target, step.slot);
      if (step.action === "skip") {
        await this.recordSkipped(target, step.slot, step.reason);
      } else if (step.action === "abandon") {
        if (await abandonRun(this.deps.db, key, now, step.reason))
          this.deps.logger.warn({ run: key, reason: step.reason }, "digest run given up");
      } else {
        const run = step.action === "run" ? await this.claim(target, step.slot, step.late) : await this.resume(key, step.late);
        if (run) await this.execute(run);
      }
    }
  }

  private async claim(target: RunTarget, slot: Date, late: boolean): Promise<JobRun | null> {
    const now = this.deps.clock.now();
    return insertRun(this.deps.db, {
      key: runKey(target, slot),
      kind: target.kind,
      teamId: target.kind === "subscriptions" ? target.teamId : null,
      scheduleId: target.kind === "digest" ? target.scheduleId : null,
      scheduledFor: slot,
      claimedBy: this.deps.replicaId,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      late,
    });
  }

  private async resume(key: string, late: boolean): Promise<JobRun | null> {
    const now = this.deps.clock.now();
    const run = await takeOverRun(this.deps.db, key, {
      claimedBy: this.deps.replicaId,
      now,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      maxAttempts: MAX_ATTEMPTS,
      late,
    });
    if (run) this.deps.logger.info({ run: key, attempt: run.attempts }, "resuming a digest run that failed or whose replica stopped");
    return run;
  }

  private async recordSkipped(target: RunTarget, slot: Date, reason: string): Promise<void> {
    const now = this.deps.clock.now();
    const key = runKey(target, slot);
    const inserted = await insertRun(this.deps.db, {
      key,
      kind: target.kind,
      teamId: target.kind === "subscriptions" ? target.teamId : null,
      scheduleId: target.kind === "digest" ? target.scheduleId : null,
      scheduledFor: slot,
      claimedBy: this.deps.replicaId,
      leaseUntil: now,
      late: true,
      status: "skipped",
      error: reason,
    });
    if (inserted)
      this.deps.logger.warn({ run: key, scheduledFor: slot.toISOString(), reason }, "digest skipped: no replica was running at its time");
  }

  private async execute(run: JobRun): Promise<void> {
    const handle = { id: run.id, key: run.key, claimedBy: this.deps.replicaId };
    const log = this.deps.logger.child({ run: run.key, attempt: run.attempts });
    try {
      await this.deps.faults?.afterClaim?.(run.key);
      const parsed = parseRunKey(run.key);
      const outcome = !parsed
        ? { status: "skipped" as const, error: "unknown run key" }
        : parsed.target.kind === "digest"
          ? await executeDigestRun({ ...this.deps, logger: log }, handle, run, parsed.target.scheduleId)
          : await executeSubscriptionRun({ ...this.deps, logger: log }, handle, run, parsed.target);
      await finishRun(this.deps.db, run.id, this.deps.replicaId, { ...outcome, at: this.deps.clock.now() });
      this.deps.metrics?.digestRuns.inc({ outcome: outcome.status });
      log.info({ status: outcome.status, late: run.late, note: outcome.error }, "digest run finished");
    } catch (error) {
      if (error instanceof LostLease) {
        log.warn("another replica took this digest run over; leaving it to that replica");
        return;
      }
      log.error({ err: error }, "digest run failed; the next tick retries it");
      await finishRun(this.deps.db, run.id, this.deps.replicaId, { status: "failed", error: errorText(error), at: this.deps.clock.now() });
      this.deps.metrics?.digestRuns.inc({ outcome: "failed" });
    }
  }
}

/** When personal digests go out: 09:00 in the workspace's time zone, daily, on Mondays, or on the 1st. */
export const SUBSCRIPTION_CRON: Record<string, string> = { daily: "0 9 * * *", weekly: "0 9 * * 1", monthly: "0 9 1 * *" };

export interface RunTiming {
  target: RunTarget;
  cron: string;
  timezone: string;
  /** Slots at or before this are not this schedule's (it did not exist, or said something else, then). */
  notBefore: Date;
}

/** Every schedule and personal-digest group the scheduler must keep an eye on. */
export async function runTimings(deps: Pick<RunDeps, "db">): Promise<RunTiming[]> {
  const [schedules, groups] = await Promise.all([enabledScheduleTimings(deps.db), subscriptionGroups(deps.db)]);
  return [
    ...schedules.map((s) => ({
      target: { kind: "digest" as const, scheduleId: s.id },
      cron: s.cron,
      timezone: s.timezone,
      notBefore: new Date(Math.max(s.updatedAt.getTime(), s.createdAt.getTime())),
    })),
    ...groups.flatMap((g) => {
      const cron = SUBSCRIPTION_CRON[g.period];
      return cron
        ? [
            {
              target: { kind: "subscriptions" as const, teamId: g.teamId, period: g.period },
              cron,
              timezone: g.timezone,
              notBefore: new Date(0),
            },
          ]
        : [];
    }),
  ];
}

// Scheduled digest runs: claimed once per schedule and scheduled time in the database (a unique JobRun key with
// a lease), executed, retried by a later tick when they fail, taken over when their replica dies. Which schedules
// are due is found by their due times (run-due.ts).
import { abandonRun, findRun, finishRun, insertRun, type JobRun, runsByKeys, takeOverRun } from "../../db/job-runs.js";
import { retryAfterMsOf } from "../../lib/retry-after.js";
import { errorText } from "./deliver-once.js";
import type { DigestDeps } from "./deps.js";
import { postScheduledDigest } from "./post-scheduled-digest.js";
import { RETRY_AFTER_MS, runDueWork } from "./run-due.js";
import { parseRunKey, type RunTarget, runKey } from "./run-keys.js";
import { LEASE_MS, LostLease } from "./run-lease.js";
import { LATE_BOUND_MS, MAX_ATTEMPTS, planSlots, type RunState } from "./run-policy.js";
import { sendPersonalDigests } from "./send-personal-digests.js";

export class DigestRuns {
  constructor(private readonly deps: DigestDeps) {}

  /**
   * The scheduler's tick: claims the digests and personal digests that are due, a few at a time, and runs them,
   * at most `concurrency` at once, until none is left or `stopping` is aborted. Resolves to how many schedules and
   * groups it ran.
   */
  runDue(concurrency: number, stopping?: AbortSignal): Promise<number> {
    return runDueWork(this.deps, (target, slots) => this.catchUp(target, slots), concurrency, stopping);
  }

  /**
   * Claims the run of one key (`digest:<scheduleId>:<slot ISO>`) for this replica: true for exactly one of
   * several callers. The lease is LEASE_MS, renewed while the run works.
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
   * Posts the newest slot if nobody did (late if need be), resumes a failed or orphaned run, records older missed
   * slots as skipped. `slots`: scheduled times up to now, newest first. Resolves to when the newest slot's run
   * must be looked at again (a retry, or another replica's lease running out), or null when it is settled.
   */
  async catchUp(target: RunTarget, slots: Date[]): Promise<Date | null> {
    const now = this.deps.clock.now();
    const keys = slots.map((slot) => runKey(target, slot));
    const runs = new Map<number, RunState>();
    for (const run of await runsByKeys(this.deps.db, keys)) {
      const parsed = parseRunKey(run.key);
      if (parsed) runs.set(parsed.slot.getTime(), run);
    }
    let retryAt: Date | undefined;
    for (const step of planSlots(slots, runs, now)) {
      const key = runKey(target, step.slot);
      if (step.action === "skip") {
        await this.recordSkipped(target, step.slot, step.reason);
      } else if (step.action === "abandon") {
        if (await abandonRun(this.deps.db, key, now, step.reason))
          this.deps.logger.warn({ run: key, reason: step.reason }, "digest run given up");
      } else {
        const run = step.action === "run" ? await this.claim(target, step.slot, step.late) : await this.resume(key, step.late);
        if (run) retryAt = (await this.execute(run)) ?? retryAt;
      }
    }
    return this.recheckAt(target, slots[0], retryAt);
  }

  /** `retryAt`: when Slack said it would take the failed run again (a 429's Retry-After), if it said. */
  private async recheckAt(target: RunTarget, newest: Date | undefined, retryAt?: Date): Promise<Date | null> {
    const now = this.deps.clock.now();
    if (!newest || now.getTime() - newest.getTime() > LATE_BOUND_MS) return null;
    const run = await findRun(this.deps.db, runKey(target, newest));
    if (run?.status === "failed" && run.attempts < MAX_ATTEMPTS) return retryAt ?? new Date(now.getTime() + RETRY_AFTER_MS);
    if (run?.status === "running") return new Date(Math.max(run.leaseUntil.getTime(), now.getTime()) + 1_000);
    return null;
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

  /**
   * Runs it and records how it ended. Resolves to when to try again if Slack rate-limited it: the call failed at
   * once (the worker goes on to other workspaces' digests) and the run is due again after Slack's Retry-After.
   */
  private async execute(run: JobRun): Promise<Date | undefined> {
    const handle = { id: run.id, key: run.key, claimedBy: this.deps.replicaId };
    const log = this.deps.logger.child({ run: run.key, attempt: run.attempts });
    try {
      const parsed = parseRunKey(run.key);
      const outcome = !parsed
        ? { status: "skipped" as const, error: "unknown run key" }
        : parsed.target.kind === "digest"
          ? await postScheduledDigest({ ...this.deps, logger: log }, { run: handle, row: run, scheduleId: parsed.target.scheduleId })
          : await sendPersonalDigests(
              { ...this.deps, logger: log },
              { run: handle, row: run, teamId: parsed.target.teamId, period: parsed.target.period },
            );
      await finishRun(this.deps.db, run.id, this.deps.replicaId, { ...outcome, at: this.deps.clock.now() });
      this.deps.metrics?.digestRuns.inc({ outcome: outcome.status });
      log.info({ status: outcome.status, late: run.late, note: outcome.error }, "digest run finished");
      return undefined;
    } catch (error) {
      if (error instanceof LostLease) {
        log.warn("another replica took this digest run over; leaving it to that replica");
        return undefined;
      }
      const wait = retryAfterMsOf(error);
      if (wait === undefined) log.error({ err: error }, "digest run failed; the next tick retries it");
      else log.warn({ retryAfterMs: wait }, "Slack is rate-limiting this workspace; the digest run is retried after its Retry-After");
      const at = this.deps.clock.now();
      await finishRun(this.deps.db, run.id, this.deps.replicaId, { status: "failed", error: errorText(error), at });
      this.deps.metrics?.digestRuns.inc({ outcome: "failed" });
      return wait === undefined ? undefined : new Date(at.getTime() + wait);
    }
  }
}

// Scheduled digests. One node-cron task per digest schedule posts it on time: node-cron's run coordinator
// (`distributed`, `shouldRun(key)`) asks the database, where a unique JobRun key per schedule and scheduled time
// lets exactly one replica win. A sweep every minute re-syncs those tasks with the schedules (changed here or on
// another replica), posts digests that every replica missed (late, within a bound), retries failed runs and
// takes over runs whose replica died, and sends personal digests.
import { type ScheduledTask, schedule } from "node-cron";
import { LEASE_MS } from "../domain/funnel/delivery.js";
import { type DigestRuns, digestTaskName, type RunTiming, runKey } from "../domain/funnel/digest-runs.js";
import type { Clock } from "../lib/clock.js";
import type { InFlight } from "../lib/in-flight.js";
import type { Logger } from "../lib/logger.js";
import { slotsBetween } from "./cron-slots.js";
import type { Job } from "./scheduler.js";

/** How far back the sweep looks for missed slots: a little over a week, so a weekly digest's last slot is seen. */
export const LOOKBACK_MS = 8 * 24 * 60 * 60_000;

export interface DigestJobDeps {
  runs: DigestRuns;
  clock: Clock;
  logger: Logger;
}

/** The sweep, as a periodic job (tests call `baton.jobs.digests.run()`). */
export function digestSweepJob(deps: DigestJobDeps, tasks: DigestTasks | null): Job {
  return {
    name: "digests",
    cron: "* * * * *",
    run: async () => {
      const timings = await deps.runs.timings();
      await tasks?.sync(timings);
      const now = deps.clock.now();
      for (const timing of timings) {
        try {
          const after = new Date(Math.max(timing.notBefore.getTime(), now.getTime() - LOOKBACK_MS));
          await deps.runs.catchUp(timing.target, slotsBetween(timing.cron, timing.timezone, after, now));
        } catch (error) {
          deps.logger.error({ err: error, target: timing.target }, "digest sweep failed for one schedule; the others go on");
        }
      }
    },
  };
}

const cronLogger = (logger: Logger) => ({
  info: (message: string) => logger.debug({ component: "node-cron" }, message),
  warn: (message: string) => logger.warn({ component: "node-cron" }, message),
  error: (message: string | Error, err?: Error) => logger.error({ component: "node-cron", err: err ?? message }, String(message)),
  debug: (message: string | Error) => logger.debug({ component: "node-cron" }, String(message)),
});

/** The node-cron tasks, one per enabled digest schedule, kept in step with the database. */
export class DigestTasks {
  private readonly tasks = new Map<string, { signature: string; task: ScheduledTask }>();
  private syncing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: DigestJobDeps & { inFlight: InFlight }) {}

  /** Re-reads the schedules (or uses `timings` just read) and adds, replaces or removes tasks. Serialised. */
  sync(timings?: RunTiming[]): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.apply(timings))
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error }, "could not sync digest schedules");
      });
    return this.syncing;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.syncing;
    for (const { task } of this.tasks.values()) await task.destroy();
    this.tasks.clear();
  }

  private async apply(given?: RunTiming[]): Promise<void> {
    if (this.stopped) return;
    const timings = (given ?? (await this.deps.runs.timings())).filter((t) => t.target.kind === "digest");
    const wanted = new Map(timings.map((t) => [t.target.kind === "digest" ? t.target.scheduleId : "", t]));
    for (const [id, { signature, task }] of this.tasks) {
      const timing = wanted.get(id);
      if (!timing || signatureOf(timing) !== signature) {
        await task.destroy();
        this.tasks.delete(id);
      }
    }
    for (const [id, timing] of wanted) {
      if (this.tasks.has(id)) continue;
      try {
        this.tasks.set(id, { signature: signatureOf(timing), task: this.schedule(id, timing) });
      } catch (error) {
        // One unusable schedule (a zone or expression node-cron refuses) must not keep the others from running.
        this.deps.logger.error({ err: error, scheduleId: id }, "cannot schedule this digest");
      }
    }
  }

  private schedule(scheduleId: string, timing: RunTiming): ScheduledTask {
    const { runs, inFlight, logger } = this.deps;
    return schedule(timing.cron, (context) => inFlight.track(runs.executeKey(runKey({ kind: "digest", scheduleId }, context.date))), {
      name: digestTaskName(scheduleId),
      timezone: timing.timezone,
      distributed: true,
      distributedLease: LEASE_MS,
      runCoordinator: { shouldRun: (key) => runs.claimKey(key) },
      logger: cronLogger(logger),
      // A slot missed because the event loop was busy is posted by the sweep instead.
      suppressMissedWarning: true,
    });
  }
}

const signatureOf = (timing: RunTiming) => `${timing.cron}|${timing.timezone}`;

// Scheduled digests on time: one node-cron task per digest schedule. node-cron's run coordinator
// (`distributed`, `shouldRun(key)`) asks the database, where a unique JobRun key per schedule and scheduled time
// lets exactly one replica win. The sweep (digest-sweep.ts) keeps these tasks in step and catches up.
import { type ScheduledTask, schedule } from "node-cron";
import { digestTaskName, runKey } from "../domain/digests/run-keys.js";
import { LEASE_MS } from "../domain/digests/run-lease.js";
import type { RunTiming } from "../domain/digests/run-timings.js";
import type { Logger } from "../lib/logger.js";
import type { DigestTaskDeps, DigestTimers } from "./deps.js";

const cronLogger = (logger: Logger) => ({
  info: (message: string) => logger.debug({ component: "node-cron" }, message),
  warn: (message: string) => logger.warn({ component: "node-cron" }, message),
  error: (message: string | Error, err?: Error) => logger.error({ component: "node-cron", err: err ?? message }, String(message)),
  debug: (message: string | Error) => logger.debug({ component: "node-cron" }, String(message)),
});

/** The node-cron tasks, one per enabled digest schedule, kept in step with the database. */
export class DigestTasks implements DigestTimers {
  private readonly tasks = new Map<string, { signature: string; task: ScheduledTask }>();
  private syncing: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: DigestTaskDeps) {}

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

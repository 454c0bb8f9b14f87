// The periodic jobs, and running them: on their cron schedules in production, only when called in tests.
import type { JobDeps, StartJobsDeps } from "./deps.js";
import { digestSweepJob } from "./digest-sweep.js";
import { DigestTasks } from "./digest-tasks.js";
import { housekeepingJob } from "./housekeeping.js";
import { icpRegradeJob } from "./icp-regrade.js";
import { outboxSweepJob } from "./outbox-sweep.js";
import { instrumented, type Job, Scheduler } from "./scheduler.js";
import { slaLadderJob } from "./sla-ladder.js";

/** Every periodic job, by name. Tests run them directly through `baton.jobs`. */
export function createJobs(deps: JobDeps): Record<string, Job> {
  return {
    icpRegrade: icpRegradeJob(deps),
    digests: digestSweepJob({ runs: deps.services.digestRuns, clock: deps.clock, logger: deps.logger }, deps.digestTasks ?? null),
    slaLadder: slaLadderJob(deps),
    housekeeping: housekeepingJob(deps),
    outboxSweep: outboxSweepJob(deps),
  };
}

export interface RunningJobs {
  byName: Record<string, Job>;
  stop(): Promise<void>;
}

/** Periodic jobs and the per-schedule digest timers; with `schedule` off (tests) they only run when called. */
export function startJobs(deps: StartJobsDeps): RunningJobs {
  const { services, clock, logger, metrics, inFlight, schedule } = deps;
  const digestTasks = schedule ? new DigestTasks({ runs: services.digestRuns, clock, logger, inFlight }) : null;
  const byName = Object.fromEntries(
    Object.entries(createJobs({ services, clock, logger, digestTasks })).map(([name, job]) => [name, instrumented(job, metrics)]),
  );
  const scheduler = new Scheduler({ logger, inFlight });
  if (schedule) {
    for (const job of Object.values(byName)) scheduler.add(job);
    services.digestSchedules.onChange(() => void digestTasks?.sync());
    // At once rather than on the next minute: the per-schedule timers, and any digest missed while down.
    void inFlight.track(
      byName.digests?.run().catch((error: unknown) => logger.error({ err: error }, "digest catch-up failed")) ?? Promise.resolve(),
    );
  }
  return {
    byName,
    stop: async () => {
      await digestTasks?.stop();
      await scheduler.stop();
    },
  };
}

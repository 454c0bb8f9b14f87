// The periodic jobs, and running them: on their cron schedules in production, only when called in tests.
import { deadLetterReportsJob } from "./dead-letter-reports.js";
import type { JobDeps, StartJobsDeps } from "./deps.js";
import { digestsJob } from "./digests.js";
import { housekeepingJob } from "./housekeeping.js";
import { icpRegradeJob } from "./icp-regrade.js";
import { outboxSweepJob } from "./outbox-sweep.js";
import { instrumented, type Job, Scheduler } from "./scheduler.js";
import { slaLadderJob } from "./sla-ladder.js";

/** Every periodic job, by name. Tests run them directly through `baton.jobs`. */
export function createJobs(deps: JobDeps): Record<string, Job> {
  return {
    icpRegrade: icpRegradeJob(deps),
    digests: digestsJob({ runs: deps.services.digestRuns, logger: deps.logger, concurrency: deps.digestConcurrency }),
    slaLadder: slaLadderJob(deps),
    housekeeping: housekeepingJob(deps),
    outboxSweep: outboxSweepJob(deps),
    deadLetterReports: deadLetterReportsJob(deps),
  };
}

export interface RunningJobs {
  byName: Record<string, Job>;
  stop(): Promise<void>;
}

/** Periodic jobs; with `schedule` off (tests) they only run when called. */
export function startJobs(deps: StartJobsDeps): RunningJobs {
  const { services, clock, logger, metrics, inFlight, schedule } = deps;
  const jobs = createJobs({
    services,
    clock,
    logger,
    digestConcurrency: deps.digestConcurrency ?? 4,
    ...(deps.outboxSweepSeconds ? { outboxSweepSeconds: deps.outboxSweepSeconds } : {}),
  });
  const byName = Object.fromEntries(Object.entries(jobs).map(([name, job]) => [name, instrumented(job, metrics)]));
  const scheduler = new Scheduler({ logger, inFlight });
  if (schedule) {
    for (const job of Object.values(byName)) scheduler.add(job);
    // At once rather than on the next tick: digests due now, or missed while no Baton ran.
    void inFlight.track(
      byName.digests?.run().catch((error: unknown) => logger.error({ err: error }, "digest catch-up failed")) ?? Promise.resolve(),
    );
  }
  return { byName, stop: () => scheduler.stop() };
}

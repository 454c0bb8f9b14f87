import type { DigestRuns } from "../domain/digests/digest-runs.js";
import type { RunTiming } from "../domain/digests/run-timings.js";
import type { Services } from "../domain/services.js";
import type { Clock } from "../lib/clock.js";
import type { InFlight } from "../lib/in-flight.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../lib/metrics.js";

/** What every periodic job gets. */
export interface JobDeps {
  services: Services;
  clock: Clock;
  logger: Logger;
  /** The per-schedule node-cron tasks, when this process schedules (the sweep keeps them in step). */
  digestTasks?: DigestTimers | null;
}

/** The per-schedule timers (DigestTasks), as the sweep keeps them in step with the schedules it just read. */
export interface DigestTimers {
  sync(timings?: RunTiming[]): Promise<void>;
}

/** What the digest sweep and the per-schedule tasks need. */
export interface DigestJobDeps {
  runs: DigestRuns;
  clock: Clock;
  logger: Logger;
}

/** What running jobs on their cron schedules needs. */
export interface SchedulerDeps {
  logger: Logger;
  /** Each run is tracked, so shutdown waits for it. */
  inFlight: InFlight;
}

export interface DigestTaskDeps extends DigestJobDeps, SchedulerDeps {}

/** What starting the jobs needs: the services, the counters, and whether to run them on their cron schedules. */
export interface StartJobsDeps extends SchedulerDeps {
  services: Services;
  clock: Clock;
  metrics: Metrics;
  /** Off in tests: the jobs then run only when a test calls them. */
  schedule: boolean;
}

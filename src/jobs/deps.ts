import type { DigestRuns } from "../domain/digests/digest-runs.js";
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
  /** How many digest runs one process runs at once (DIGEST_CONCURRENCY). */
  digestConcurrency: number;
  /** How often the outbox sweep runs (OUTBOX_SWEEP_SECONDS); every minute when not given. */
  outboxSweepSeconds?: number;
}

/** What the digest tick needs. */
export interface DigestJobDeps {
  runs: DigestRuns;
  logger: Logger;
  concurrency: number;
}

/** What running jobs on their cron schedules needs. */
export interface SchedulerDeps {
  logger: Logger;
  /** Each run is tracked, so shutdown waits for it. */
  inFlight: InFlight;
}

/** What starting the jobs needs: the services, the counters, and whether to run them on their cron schedules. */
export interface StartJobsDeps extends SchedulerDeps {
  services: Services;
  clock: Clock;
  metrics: Metrics;
  /** Off in tests: the jobs then run only when a test calls them. */
  schedule: boolean;
  /** DIGEST_CONCURRENCY; 4 when not given. */
  digestConcurrency?: number;
  /** OUTBOX_SWEEP_SECONDS; 60 when not given. */
  outboxSweepSeconds?: number;
}

import type { Services } from "../domain/services.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import { type DigestTasks, digestSweepJob } from "./digests.js";
import { housekeepingJob } from "./housekeeping.js";
import { icpRegradeJob } from "./icp-regrade.js";
import type { Job } from "./scheduler.js";
import { slaLadderJob } from "./sla-ladder.js";

export interface JobDeps {
  services: Services;
  clock: Clock;
  logger: Logger;
  /** The per-schedule node-cron tasks, when this process schedules (the sweep keeps them in step). */
  digestTasks?: DigestTasks | null;
}

/** Every periodic job, by name. Tests run them directly through `baton.jobs`. */
export function createJobs(deps: JobDeps): Record<string, Job> {
  return {
    icpRegrade: icpRegradeJob(deps),
    digests: digestSweepJob({ runs: deps.services.digestRuns, clock: deps.clock, logger: deps.logger }, deps.digestTasks ?? null),
    slaLadder: slaLadderJob(deps),
    housekeeping: housekeepingJob(deps),
  };
}

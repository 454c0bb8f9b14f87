import type { Services } from "../domain/services.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import { housekeepingJob } from "./housekeeping.js";
import type { Job } from "./scheduler.js";

export interface JobDeps {
  services: Services;
  clock: Clock;
  logger: Logger;
}

/** Every periodic job, by name. Tests run them directly through `baton.jobs`. */
export function createJobs(deps: JobDeps): Record<string, Job> {
  return { housekeeping: housekeepingJob(deps) };
}

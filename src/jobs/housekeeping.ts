import type { JobDeps } from "./deps.js";
import type { Job } from "./scheduler.js";

/**
 * Hourly: deletes processed Slack event ids, old idempotency receipts and expired rate-limit windows, and the data
 * of workspaces uninstalled longer ago than RETENTION_DAYS_AFTER_UNINSTALL.
 */
export function housekeepingJob(deps: JobDeps): Job {
  return {
    name: "housekeeping",
    cron: "17 * * * *",
    run: async () => {
      const pruned = await deps.services.housekeeping.pruneOperationalRows();
      deps.logger.info({ pruned }, "housekeeping done");
    },
  };
}

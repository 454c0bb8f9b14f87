import type { JobDeps } from "./deps.js";
import type { Job } from "./scheduler.js";

/** Hourly, on every replica (one report per workspace per hour between them): dead letters not yet reported. */
export function deadLetterReportsJob(deps: JobDeps): Job {
  return {
    name: "deadLetterReports",
    cron: "7 * * * *",
    run: async () => {
      const told = await deps.services.deadLetterReports.reportMissed();
      if (told > 0) deps.logger.info({ workspaces: told }, "admins told of dead letters left out of earlier reports");
    },
  };
}

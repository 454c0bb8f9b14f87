import type { JobDeps } from "./deps.js";
import type { Job } from "./scheduler.js";

/**
 * Finishes fit-grade updates that a crash or restart cut short after an ICP change (the change itself is
 * recorded before the regrade starts). Regrading is idempotent, so replicas running it at once do no harm.
 */
export function icpRegradeJob({ services, logger }: JobDeps): Job {
  return {
    name: "icp-regrade-catch-up",
    cron: "*/15 * * * *",
    run: async () => {
      const { teams } = await services.playbook.catchUpRegrades();
      if (teams > 0) logger.info({ teams }, "finished interrupted fit-grade updates");
    },
  };
}

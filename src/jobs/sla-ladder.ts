import type { JobDeps } from "./deps.js";
import type { Job } from "./scheduler.js";

/** Every minute, on every replica: reminders, escalations and reassignments whose time has come, each once. */
export function slaLadderJob(deps: JobDeps): Job {
  return {
    name: "slaLadder",
    cron: "* * * * *",
    run: async () => {
      const completed = await deps.services.sla.runDue();
      if (completed > 0) deps.logger.info({ completed }, "SLA steps run");
    },
  };
}

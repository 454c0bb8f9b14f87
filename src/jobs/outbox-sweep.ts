import type { JobDeps } from "./deps.js";
import type { Job } from "./scheduler.js";

/** Every minute, on every replica: delivers outbox effects their own process could not (Slack down, a crash). */
export function outboxSweepJob(deps: JobDeps): Job {
  return {
    name: "outboxSweep",
    cron: "* * * * *",
    run: async () => {
      const delivered = await deps.services.outbox.deliverDue();
      if (delivered > 0) deps.logger.info({ delivered }, "outbox effects delivered by the sweep");
    },
  };
}

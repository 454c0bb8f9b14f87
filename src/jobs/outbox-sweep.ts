import type { JobDeps } from "./deps.js";
import type { Job } from "./scheduler.js";

/** Every minute (OUTBOX_SWEEP_SECONDS), on every replica: delivers outbox effects their own process could not (Slack down, a crash). */
export function outboxSweepJob(deps: JobDeps): Job {
  const seconds = deps.outboxSweepSeconds ?? 60;
  return {
    name: "outboxSweep",
    cron: seconds >= 60 ? "* * * * *" : `*/${seconds} * * * * *`,
    run: async () => {
      const delivered = await deps.services.outbox.deliverDue();
      if (delivered > 0) deps.logger.info({ delivered }, "outbox effects delivered by the sweep");
    },
  };
}

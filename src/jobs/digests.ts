// The digest tick, every 15 seconds (and at start-up) on every replica: claims the scheduled and personal digests
// that are due, by their due-time index, and runs them a few at a time. Nothing per workspace when nothing is due.
import type { DigestJobDeps } from "./deps.js";
import type { Job } from "./scheduler.js";

/** The tick, as a periodic job (tests call `baton.jobs.digests.run()`). */
export function digestsJob(deps: DigestJobDeps): Job {
  const stopping = new AbortController();
  return {
    name: "digests",
    cron: "*/15 * * * * *",
    run: async () => {
      const ran = await deps.runs.runDue(deps.concurrency, stopping.signal);
      if (ran > 0) deps.logger.info({ ran }, "due digests run");
    },
    // A burst is not worked through on the way down: what is claimed and not started goes back to the other replicas.
    stop: () => stopping.abort(),
  };
}

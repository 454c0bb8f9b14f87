// The digest sweep, every minute on every replica: re-syncs the per-schedule node-cron tasks with the schedules
// (changed here or on another replica), posts digests that every replica missed (late, within a bound), retries
// failed runs, takes over runs whose replica died, and sends personal digests.
import { slotsBetween } from "./cron-slots.js";
import type { DigestJobDeps, DigestTimers } from "./deps.js";
import type { Job } from "./scheduler.js";

/** How far back the sweep looks for missed slots: a little over a week, so a weekly digest's last slot is seen. */
export const LOOKBACK_MS = 8 * 24 * 60 * 60_000;

/** The sweep, as a periodic job (tests call `baton.jobs.digests.run()`). */
export function digestSweepJob(deps: DigestJobDeps, tasks: DigestTimers | null): Job {
  return {
    name: "digests",
    cron: "* * * * *",
    run: async () => {
      const timings = await deps.runs.timings();
      await tasks?.sync(timings);
      const now = deps.clock.now();
      for (const timing of timings) {
        try {
          const after = new Date(Math.max(timing.notBefore.getTime(), now.getTime() - LOOKBACK_MS));
          await deps.runs.catchUp(timing.target, slotsBetween(timing.cron, timing.timezone, after, now));
        } catch (error) {
          deps.logger.error({ err: error, target: timing.target }, "digest sweep failed for one schedule; the others go on");
        }
      }
    },
  };
}

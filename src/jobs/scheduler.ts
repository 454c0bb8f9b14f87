import { randomUUID } from "node:crypto";
import { type ScheduledTask, schedule } from "node-cron";
import { withCorrelation } from "../lib/correlation.js";
import type { Metrics } from "../lib/metrics.js";
import type { SchedulerDeps } from "./deps.js";

/** A periodic job. `run` must be safe on several replicas at once (claim work in the database, not in memory). */
export interface Job {
  name: string;
  /** node-cron expression. */
  cron: string;
  timezone?: string;
  run(): Promise<void>;
  /** Asks a run under way to finish early (shutdown); what it leaves must be safe for another replica to pick up. */
  stop?(): void;
}

/**
 * The same job, with every run carrying a correlation id (`job`, `runId` on each log line it writes) and counted
 * in baton_job_runs_total. Failures still reach the caller.
 */
export function instrumented(job: Job, metrics: Metrics): Job {
  return {
    ...job,
    run: () =>
      withCorrelation({ job: job.name, runId: randomUUID() }, async () => {
        try {
          await job.run();
          metrics.jobRuns.inc({ job: job.name, outcome: "ok" });
        } catch (error) {
          metrics.jobRuns.inc({ job: job.name, outcome: "failed" });
          throw error;
        }
      }),
  };
}

/** Runs jobs on their cron schedules; each run is tracked so shutdown waits for it. */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];
  private readonly jobs: Job[] = [];

  constructor(private readonly deps: SchedulerDeps) {}

  add(job: Job): void {
    this.jobs.push(job);
    const task = schedule(job.cron, () => this.deps.inFlight.track(this.runLogged(job)), {
      name: job.name,
      noOverlap: true,
      ...(job.timezone ? { timezone: job.timezone } : {}),
    });
    this.tasks.push(task);
  }

  async stop(): Promise<void> {
    for (const job of this.jobs.splice(0)) job.stop?.();
    for (const task of this.tasks.splice(0)) {
      await task.stop();
      await task.destroy();
    }
  }

  private async runLogged(job: Job): Promise<void> {
    try {
      await job.run();
    } catch (error) {
      this.deps.logger.error({ err: error, job: job.name }, "job failed");
    }
  }
}

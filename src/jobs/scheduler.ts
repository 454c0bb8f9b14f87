import { type ScheduledTask, schedule } from "node-cron";
import type { InFlight } from "../lib/in-flight.js";
import type { Logger } from "../lib/logger.js";

/** A periodic job. `run` must be safe on several replicas at once (claim work in the database, not in memory). */
export interface Job {
  name: string;
  /** node-cron expression. */
  cron: string;
  timezone?: string;
  run(): Promise<void>;
}

/** Runs jobs on their cron schedules; each run is tracked so shutdown waits for it. */
export class Scheduler {
  private readonly tasks: ScheduledTask[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly inFlight: InFlight,
  ) {}

  add(job: Job): void {
    const task = schedule(job.cron, () => this.inFlight.track(this.runLogged(job)), {
      name: job.name,
      noOverlap: true,
      ...(job.timezone ? { timezone: job.timezone } : {}),
    });
    this.tasks.push(task);
  }

  async stop(): Promise<void> {
    for (const task of this.tasks.splice(0)) {
      await task.stop();
      await task.destroy();
    }
  }

  private async runLogged(job: Job): Promise<void> {
    try {
      await job.run();
    } catch (error) {
      this.logger.error({ err: error, job: job.name }, "job failed");
    }
  }
}

// Wiring: database, migrations, domain services, the Slack app, HTTP routes and jobs; start and stop.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import os from "node:os";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/client.js";
import { applyMigrations, pendingMigrations } from "./db/migrate.js";
import { databaseTarget } from "./db/target.js";
import type { DigestFaults } from "./domain/funnel/ports.js";
import { createServices, type Services } from "./domain/services.js";
import { healthRoutes } from "./http/health.js";
import { DigestTasks } from "./jobs/digests.js";
import { createJobs } from "./jobs/index.js";
import { type Job, Scheduler } from "./jobs/scheduler.js";
import { type Clock, systemClock } from "./lib/clock.js";
import { InFlight } from "./lib/in-flight.js";
import { createLogger, type Logger } from "./lib/logger.js";
import { createSlackApp } from "./slack/app.js";
import { webClientOptions } from "./slack/client-options.js";
import { SingleTokenClients } from "./slack/clients.js";
import { SlackDirectory } from "./slack/directory.js";
import { SlackDigestPublisher } from "./slack/notifiers/digests.js";
import { SlackHandoffNotifier } from "./slack/notifiers/handoffs.js";
import { SlackPlaybookAnnouncer } from "./slack/notifiers/playbook.js";

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** How long stop() waits for in-flight work before closing the database anyway. */
  drainTimeoutMs?: number;
  /** Run periodic jobs on their cron schedules (default true). Tests turn this off and call `baton.jobs`. */
  schedule?: boolean;
  /** Test-only: makes digest runs stop at a point, to simulate a replica that dies there. */
  digestFaults?: DigestFaults;
}

export interface Baton {
  /** The HTTP port actually listened on (PORT=0 picks a free one). */
  port: number;
  database: Database;
  services: Services;
  jobs: Record<string, Job>;
  logger: Logger;
  stop(): Promise<void>;
}

export async function startBaton(config: Config, options: StartOptions = {}): Promise<Baton> {
  const logger = options.logger ?? createLogger(config.log);
  const clock = options.clock ?? systemClock;
  const target = databaseTarget(config.databaseUrl);
  const database = await openDatabase(target);
  let started = false;
  try {
    const pending = await pendingMigrations(database.prisma, target);
    if (pending.length > 0) {
      logger.info({ pending }, "applying database migrations");
      await applyMigrations(target);
    }
    const clients = new SingleTokenClients(config.slack.botToken ?? "", webClientOptions(config, logger));
    const services = createServices({
      db: database.prisma,
      provider: database.provider,
      clock,
      logger,
      directory: new SlackDirectory(clients),
      announcer: new SlackPlaybookAnnouncer(clients, logger),
      handoffNotifier: new SlackHandoffNotifier(clients),
      defaults: {
        timezone: config.defaults.digestTimezone,
        digestCron: config.defaults.digestCron,
        ...(config.defaults.salesChannelId ? { salesChannelId: config.defaults.salesChannelId } : {}),
        ...(config.defaults.marketingChannelId ? { marketingChannelId: config.defaults.marketingChannelId } : {}),
      },
      digestPublisher: new SlackDigestPublisher(clients, logger.child({ component: "digests" })),
      replicaId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      ...(options.digestFaults ? { digestFaults: options.digestFaults } : {}),
    });
    const inFlight = new InFlight();
    const routes = healthRoutes({
      ping: async () => {
        await database.prisma.$queryRawUnsafe("SELECT 1");
      },
      pendingMigrations: () => pendingMigrations(database.prisma, target),
      started: () => started,
    });
    const app = createSlackApp({ config, logger, services, clock, routes, inFlight });
    const server = await app.start(config.port);
    const port = config.socketMode ? config.port : ((server.address() as AddressInfo | null)?.port ?? config.port);
    const scheduling = options.schedule !== false;
    const digestTasks = scheduling ? new DigestTasks({ runs: services.digestRuns, clock, logger, inFlight }) : null;
    const jobs = createJobs({ services, clock, logger, digestTasks });
    const scheduler = new Scheduler(logger, inFlight);
    if (scheduling) {
      for (const job of Object.values(jobs)) scheduler.add(job);
      services.digestSchedules.onChange(() => void digestTasks?.sync());
      // At once rather than on the next minute: the per-schedule timers, and any digest missed while down.
      void inFlight.track(
        jobs.digests?.run().catch((error: unknown) => logger.error({ err: error }, "digest catch-up failed")) ?? Promise.resolve(),
      );
    }
    started = true;
    logger.info({ port, mode: config.socketMode ? "socket" : "http", database: target.provider }, "Baton is running");
    return {
      port,
      database,
      services,
      jobs,
      logger,
      stop: async () => {
        started = false;
        await digestTasks?.stop();
        await scheduler.stop();
        await app.stop();
        const drained = await inFlight.drain(options.drainTimeoutMs ?? 10_000);
        if (!drained) logger.warn({ running: inFlight.size }, "stopped with work still running");
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

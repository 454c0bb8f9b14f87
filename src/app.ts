// Wiring: database, migrations, domain services, the Slack app, HTTP routes and jobs; start and stop.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import os from "node:os";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/client.js";
import { applyMigrations, pendingMigrations } from "./db/migrate.js";
import { type DatabaseTarget, databaseTarget } from "./db/target.js";
import type { DigestFaults, DigestPublisher } from "./domain/funnel/ports.js";
import { createServices, type Services } from "./domain/services.js";
import { healthRoutes } from "./http/health.js";
import { metricsRoute } from "./http/metrics.js";
import { webhookRoutes } from "./http/webhooks.js";
import { DigestTasks } from "./jobs/digests.js";
import { createJobs } from "./jobs/index.js";
import { instrumented, type Job, Scheduler } from "./jobs/scheduler.js";
import { type Clock, systemClock } from "./lib/clock.js";
import { InFlight } from "./lib/in-flight.js";
import { createLogger, type Logger } from "./lib/logger.js";
import { createMetrics, type Metrics } from "./lib/metrics.js";
import { createSlackApp } from "./slack/app.js";
import { webClientOptions } from "./slack/client-options.js";
import { InstalledClients, SingleTokenClients, type SlackClients } from "./slack/clients.js";
import { SlackDirectory } from "./slack/directory.js";
import { SlackDigestPublisher } from "./slack/notifiers/digests.js";
import { SlackHandoffNotifier } from "./slack/notifiers/handoffs.js";
import { SlackNewLeadAnnouncer } from "./slack/notifiers/new-leads.js";
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
  metrics: Metrics;
  stop(): Promise<void>;
}

export async function startBaton(config: Config, options: StartOptions = {}): Promise<Baton> {
  const logger = options.logger ?? createLogger(config.log);
  const clock = options.clock ?? systemClock;
  const target = databaseTarget(config.databaseUrl);
  await migrate(target, logger);
  const database = await openDatabase(target, { timeoutMs: config.databaseTimeoutMs });
  let started = false;
  try {
    const metrics = createMetrics();
    const { services, digestPublisher } = wireServices(config, database, { clock, logger, metrics, options });
    const inFlight = new InFlight();
    const routes = [
      ...healthRoutes({
        ping: async () => {
          await database.prisma.$queryRawUnsafe("SELECT 1");
        },
        pendingMigrations: () => pendingMigrations(database.prisma, target),
        started: () => started,
      }),
      metricsRoute(metrics),
      ...webhookRoutes({ webForms: services.webForms, logger, metrics, inFlight }),
    ];
    const app = createSlackApp({
      config,
      logger,
      services,
      digestPublisher,
      clock,
      routes,
      inFlight,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    });
    const server = await app.start(config.port);
    const port = config.socketMode ? config.port : ((server.address() as AddressInfo | null)?.port ?? config.port);
    const jobs = startJobs(services, { clock, logger, metrics, inFlight, schedule: options.schedule !== false });
    started = true;
    logger.info({ port, mode: config.socketMode ? "socket" : "http", database: target.provider }, "Baton is running");
    return {
      port,
      database,
      services,
      jobs: jobs.byName,
      logger,
      metrics,
      stop: async () => {
        started = false;
        await jobs.stop();
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

/** Applies pending migrations before the app's own connection opens (one query when there are none). */
async function migrate(target: DatabaseTarget, logger: Logger): Promise<void> {
  const probe = await openDatabase(target);
  let pending: string[];
  try {
    pending = await pendingMigrations(probe.prisma, target);
  } finally {
    await probe.close();
  }
  if (pending.length === 0) return;
  logger.info({ pending }, "applying database migrations");
  await applyMigrations(target);
}

interface Runtime {
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

/** The domain services, with the Slack layer's implementations of the domain's ports (listeners post digests too). */
function wireServices(
  config: Config,
  database: Database,
  { clock, logger, metrics, options }: Runtime & { options: StartOptions },
): { services: Services; digestPublisher: DigestPublisher } {
  const clientOptions = webClientOptions(config, logger, metrics);
  // In distributed mode each workspace's token comes from its installation, read through the services below.
  let services: Services | undefined;
  const clients: SlackClients = config.slack.oauth
    ? new InstalledClients(async (teamId) => services?.installations.botTokenFor(teamId), clientOptions)
    : new SingleTokenClients(config.slack.botToken ?? "", clientOptions);
  const digestPublisher = new SlackDigestPublisher(clients, logger.child({ component: "digests" }));
  services = createServices({
    db: database.prisma,
    provider: database.provider,
    clock,
    logger,
    metrics,
    directory: new SlackDirectory(clients),
    announcer: new SlackPlaybookAnnouncer(clients, logger),
    handoffNotifier: new SlackHandoffNotifier(clients),
    digestPublisher,
    leadAnnouncer: new SlackNewLeadAnnouncer(clients),
    replicaId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    webhookRateLimit: config.webhookRateLimit,
    ...(config.encryptionKey ? { encryptionKey: config.encryptionKey } : {}),
    ...(options.digestFaults ? { digestFaults: options.digestFaults } : {}),
    defaults: {
      timezone: config.defaults.digestTimezone,
      digestCron: config.defaults.digestCron,
      ...(config.defaults.salesChannelId ? { salesChannelId: config.defaults.salesChannelId } : {}),
      ...(config.defaults.marketingChannelId ? { marketingChannelId: config.defaults.marketingChannelId } : {}),
    },
  });
  return { services, digestPublisher };
}

/** Periodic jobs and the per-schedule digest timers; with `schedule` off (tests) they only run when called. */
function startJobs(
  services: Services,
  { clock, logger, metrics, inFlight, schedule }: Runtime & { inFlight: InFlight; schedule: boolean },
) {
  const digestTasks = schedule ? new DigestTasks({ runs: services.digestRuns, clock, logger, inFlight }) : null;
  const byName = Object.fromEntries(
    Object.entries(createJobs({ services, clock, logger, digestTasks })).map(([name, job]) => [name, instrumented(job, metrics)]),
  );
  const scheduler = new Scheduler(logger, inFlight);
  if (schedule) {
    for (const job of Object.values(byName)) scheduler.add(job);
    services.digestSchedules.onChange(() => void digestTasks?.sync());
    // At once rather than on the next minute: the per-schedule timers, and any digest missed while down.
    void inFlight.track(
      byName.digests?.run().catch((error: unknown) => logger.error({ err: error }, "digest catch-up failed")) ?? Promise.resolve(),
    );
  }
  return {
    byName,
    stop: async () => {
      await digestTasks?.stop();
      await scheduler.stop();
    },
  };
}

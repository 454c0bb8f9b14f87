// The composition root: database, migrations, Slack clients, the domain's ports and services, the Bolt app, HTTP
// routes and jobs, built once, in that order; start and stop.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import os from "node:os";
import type { WebClientOptions } from "@slack/web-api";
import type { Config } from "./config.js";
import type { DbCallCounter } from "./db/call-counter.js";
import { type Database, openDatabase } from "./db/client.js";
import { applyMigrations, pendingMigrations } from "./db/migrate.js";
import { type DatabaseTarget, databaseTarget } from "./db/target.js";
import type { DigestPublisher } from "./domain/digests/ports.js";
import { Installations } from "./domain/installations/installations.js";
import { createServices, type Ports, type Services } from "./domain/services.js";
import { healthRoutes } from "./http/health.js";
import { metricsRoute, serveOnLoopback } from "./http/metrics.js";
import { webhookRoutes } from "./http/webhooks.js";
import { startJobs } from "./jobs/index.js";
import type { Job } from "./jobs/scheduler.js";
import { type Clock, systemClock } from "./lib/clock.js";
import { SecretBox } from "./lib/crypto.js";
import { finishedWithin, InFlight } from "./lib/in-flight.js";
import { createLogger, type Logger } from "./lib/logger.js";
import { createMetrics, type Metrics } from "./lib/metrics.js";
import { systemTimers, type Timers } from "./lib/timers.js";
import { createBoltApp } from "./slack/bolt-app.js";
import { backgroundClientOptions, lookupClientOptions, webClientOptions } from "./slack/client-options.js";
import { InstalledClients, SingleTokenClients, type SlackClients } from "./slack/clients.js";
import { SlackDirectory } from "./slack/directory.js";
import { SlackEffectLedger } from "./slack/effects.js";
import { slackFileOrigins } from "./slack/file-hosts.js";
import { HOME_REDRAW_WINDOW_MS, HomeRedraws } from "./slack/home/home-redraws.js";
import { type TokenIdentity, tokenWorkspace } from "./slack/identity.js";
import { SlackDigestPublisher } from "./slack/notifiers/digests.js";
import { SlackHandoffNotifier } from "./slack/notifiers/handoffs.js";
import { SlackLeadExports } from "./slack/notifiers/lead-exports.js";
import { SlackNewLeadAnnouncer } from "./slack/notifiers/new-leads.js";
import { SlackPlaybookAnnouncer } from "./slack/notifiers/playbook.js";
import { SlackAdminReports } from "./slack/notifiers/undelivered.js";

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** How long stop() waits for in-flight work before closing the database anyway. */
  drainTimeoutMs?: number;
  /** Run periodic jobs on their cron schedules (default true). Tests turn this off and call `baton.jobs`. */
  schedule?: boolean;
  /**
   * The domain's ports, given the Slack implementations Baton builds: production uses those as they are; a test
   * may wrap one (e.g. a digest publisher that never answers, to play a replica that dies in the middle of a run).
   */
  ports?: (slack: Ports) => Ports;
  /**
   * Test-only: in single-token mode, serve every team id rather than only the token's own workspace (the suite
   * gives each test a workspace of its own on one app and one stand-in token).
   */
  serveEveryTeam?: boolean;
  /**
   * How App Home redraws after a change are coalesced (default: one per person per HOME_REDRAW_WINDOW_MS, on the
   * system's timers); tests pass timers they fire by hand, or a window of 0.
   */
  homeRedraws?: { windowMs?: number; timers?: Timers };
  /** Test and bench support: counts every database call the app makes (src/db/call-counter.ts). */
  dbCalls?: DbCallCounter;
}

export interface Baton {
  /** The HTTP port actually listened on (PORT=0 picks a free one). */
  port: number;
  /** With METRICS_PORT: the port /metrics is served on, on 127.0.0.1 only. */
  metricsPort?: number;
  database: Database;
  services: Services;
  jobs: Record<string, Job>;
  logger: Logger;
  metrics: Metrics;
  /**
   * Test support: resolves true once nothing is running any more (listeners after their ack, job runs), false if
   * `timeoutMs` passes first. Tests wait on it instead of sleeping.
   */
  idle(timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

/** How long stop() waits for the HTTP server and for the database connections to close. */
const STOP_STEP_MS = 5_000;

export async function startBaton(config: Config, options: StartOptions = {}): Promise<Baton> {
  const logger = options.logger ?? createLogger(config.log);
  const clock = options.clock ?? systemClock;
  const target = databaseTarget(config.databaseUrl);
  await migrate(target, logger);
  const database = await openDatabase(target, {
    timeoutMs: config.databaseTimeoutMs,
    poolSize: config.databasePoolSize,
    ...(options.dbCalls ? { countCalls: options.dbCalls } : {}),
  });
  let started = false;
  let metricsServer: Awaited<ReturnType<typeof serveOnLoopback>> | undefined;
  try {
    const metrics = createMetrics();
    // One set of Web API client options for every client: Bolt's, the OAuth installer's and the ports'.
    const clientOptions = webClientOptions(config, logger, metrics);
    const inFlight = new InFlight();
    const { services, clients, digestPublisher } = wireServices(config, database, {
      inFlight,
      clock,
      logger,
      metrics,
      clientOptions,
      ports: options.ports,
    });
    if (config.encryptionKeyPrevious) await reencryptSecrets(services, logger);
    const tokenIdentity = config.slack.oauth ? undefined : await serveTokenWorkspace(services, clients, options);
    const homeRedraws = new HomeRedraws({
      windowMs: options.homeRedraws?.windowMs ?? HOME_REDRAW_WINDOW_MS,
      timers: options.homeRedraws?.timers ?? systemTimers,
      inFlight,
    });
    const routes = [
      ...healthRoutes({
        ping: async () => {
          await database.prisma.$queryRawUnsafe("SELECT 1");
        },
        pendingMigrations: () => pendingMigrations(database.prisma, target),
        started: () => started,
      }),
      ...(config.metrics.port === undefined ? [metricsRoute(metrics, config.metrics.token)] : []),
      ...webhookRoutes({
        webForms: services.webForms,
        leadSources: services.leadSources,
        logger,
        metrics,
        inFlight,
        ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      }),
    ];
    const app = createBoltApp({
      homeRedraws,
      config,
      logger,
      services,
      digestPublisher,
      clock,
      routes,
      inFlight,
      clientOptions,
      ...(tokenIdentity ? { tokenIdentity } : {}),
      files: { origins: slackFileOrigins(config.slack.apiUrl), maxBytes: config.csvImportMaxBytes },
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    });
    const server = await app.start(config.port);
    const port = config.socketMode ? config.port : ((server.address() as AddressInfo | null)?.port ?? config.port);
    if (config.metrics.port !== undefined) {
      metricsServer = await serveOnLoopback(metricsRoute(metrics, config.metrics.token), config.metrics.port);
    }
    await services.webForms.sealPlainSecrets();
    const jobs = startJobs({
      services,
      clock,
      logger,
      metrics,
      inFlight,
      schedule: options.schedule !== false,
      digestConcurrency: config.digestConcurrency,
      outboxSweepSeconds: config.outbox.sweepSeconds,
    });
    started = true;
    logger.info({ port, mode: config.socketMode ? "socket" : "http", database: target.provider }, "Baton is running");
    return {
      port,
      ...(metricsServer ? { metricsPort: metricsServer.port } : {}),
      database,
      services,
      jobs: jobs.byName,
      logger,
      metrics,
      idle: async (timeoutMs) => {
        const deadline = Date.now() + timeoutMs;
        while (inFlight.size > 0) if (!(await inFlight.drain(deadline - Date.now()))) return false;
        return true;
      },
      stop: async () => {
        started = false;
        await jobs.stop();
        // Bounded, like the drain: a shutdown that cannot finish would only end in a SIGKILL.
        if (!(await finishedWithin(app.stop(), STOP_STEP_MS))) logger.warn("stopped listening with requests still open");
        homeRedraws.stop();
        await metricsServer?.close();
        const drained = await inFlight.drain(options.drainTimeoutMs ?? 10_000);
        if (!drained) logger.warn({ running: inFlight.size }, "stopped with work still running");
        if (!(await finishedWithin(database.close(), STOP_STEP_MS))) logger.warn("the database connections did not close in time");
      },
    };
  } catch (error) {
    await metricsServer?.close();
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

interface Wiring {
  inFlight: InFlight;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  clientOptions: WebClientOptions;
  ports: StartOptions["ports"];
}

/**
 * The domain services over the Slack layer's ports. The installations come first: in distributed mode the Slack
 * clients behind every port read each workspace's bot token through them.
 */
function wireServices(
  config: Config,
  database: Database,
  { inFlight, clock, logger, metrics, clientOptions, ports }: Wiring,
): { services: Services; clients: SlackClients; digestPublisher: DigestPublisher } {
  const db = database.prisma;
  const previousKeys = config.encryptionKeyPrevious ? [config.encryptionKeyPrevious] : [];
  const box = config.encryptionKey ? new SecretBox(config.encryptionKey, previousKeys) : undefined;
  const installations = new Installations({ db, clock, ...(box ? { box } : {}) });
  const clientsWith = (options: WebClientOptions): SlackClients =>
    config.slack.oauth
      ? new InstalledClients((teamId) => installations.botTokenFor(teamId), options)
      : new SingleTokenClients(config.slack.botToken ?? "", options);
  const clients = clientsWith(clientOptions);
  const slack = slackPorts(
    {
      requests: clients,
      background: clientsWith(backgroundClientOptions(clientOptions)),
      lookups: clientsWith(lookupClientOptions(clientOptions)),
    },
    logger,
  );
  const used = ports ? ports(slack) : slack;
  const services = createServices({
    ...used,
    db,
    provider: database.provider,
    clock,
    logger,
    metrics,
    installations,
    replicaId: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    webhookRateLimit: config.webhookRateLimit,
    retentionDaysAfterUninstall: config.retentionDaysAfterUninstall,
    outboxLeaseMs: config.outbox.leaseMs,
    inFlight,
    ...(config.encryptionKey ? { encryptionKey: config.encryptionKey } : {}),
    ...(config.encryptionKeyPrevious ? { previousEncryptionKey: config.encryptionKeyPrevious } : {}),
    defaults: {
      timezone: config.defaults.digestTimezone,
      digestCron: config.defaults.digestCron,
      ...(config.defaults.salesChannelId ? { salesChannelId: config.defaults.salesChannelId } : {}),
      ...(config.defaults.marketingChannelId ? { marketingChannelId: config.defaults.marketingChannelId } : {}),
    },
  });
  return { services, clients, digestPublisher: used.digestPublisher };
}

/** ENCRYPTION_KEY was rotated: re-encrypt what the previous key encrypted, before serving (every replica may). */
async function reencryptSecrets(services: Services, logger: Logger): Promise<void> {
  const counts = await services.secretsAtRest.reencryptUnderCurrentKey();
  if (counts.unreadable > 0) logger.warn(counts, "some encrypted values open with neither ENCRYPTION_KEY nor ENCRYPTION_KEY_PREVIOUS");
  else logger.info(counts, "secrets re-encrypted with ENCRYPTION_KEY; remove ENCRYPTION_KEY_PREVIOUS once every replica has restarted");
}

/**
 * Single-token mode: the token's own workspace (auth.test) is the only one served, and it exists from start-up
 * with its default digests, so they post on time before anyone has typed a command.
 */
async function serveTokenWorkspace(services: Services, clients: SlackClients, options: StartOptions): Promise<TokenIdentity> {
  const identity = await tokenWorkspace(await clients.forTeam(""));
  if (!options.serveEveryTeam) services.servedTeams.serveOnly(identity.teamId);
  await services.workspaces.installed(identity.teamId);
  return identity;
}

/**
 * The Slack layer's implementation of each of the domain's ports. Digests and the outbox's deliveries use the
 * background clients: a 429 fails at once and the work is rescheduled for its Retry-After. The directory's lookups
 * fail fast, since they run before a request is answered.
 */
function slackPorts(
  { requests: clients, background, lookups }: { requests: SlackClients; background: SlackClients; lookups: SlackClients },
  logger: Logger,
): Ports {
  return {
    directory: new SlackDirectory(lookups),
    announcer: new SlackPlaybookAnnouncer(background, logger),
    handoffNotifier: new SlackHandoffNotifier(clients),
    digestPublisher: new SlackDigestPublisher(background, logger.child({ component: "digests" })),
    leadAnnouncer: new SlackNewLeadAnnouncer(background),
    leadExports: new SlackLeadExports(clients),
    effectLedger: new SlackEffectLedger(background, logger),
    adminReports: new SlackAdminReports(background, logger.child({ component: "outbox" })),
  };
}

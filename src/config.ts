// All configuration, read once from the environment (and .env, loaded by main.ts) and validated with zod.
import { IANAZone } from "luxon";
import { validate as validCron } from "node-cron";
import { z } from "zod";
import { providerOf } from "./db/target.js";

const optional = <T>(schema: z.ZodType<T>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const channelId = z.string().regex(/^[CG][A-Z0-9]{6,}$/, "a Slack channel id such as C0123456789 (channel details → About)");

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith("xoxb-", "a bot token starting with xoxb- (OAuth & Permissions)")),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^[a-f0-9]{32}$/i, "the 32-character hex Signing Secret (Basic Information)")),
  SLACK_APP_TOKEN: optional(
    z.string().startsWith("xapp-", "an app-level token starting with xapp- (Basic Information → App-Level Tokens)"),
  ),
  SLACK_API_URL: optional(
    z
      .url({ message: "a URL such as https://slack.com/api/ or https://slack-gov.com/api/" })
      .regex(/\/$/, "a URL ending with /, such as https://slack.com/api/"),
  ),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, "the Client ID (Basic Information), digits.digits")),
  SLACK_CLIENT_SECRET: optional(z.string().min(16, "the Client Secret (Basic Information)")),
  SLACK_STATE_SECRET: optional(z.string().min(16, "a random string of at least 16 characters")),
  ENCRYPTION_KEY: optional(z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "32 random bytes in base64 (openssl rand -base64 32)")),
  ENCRYPTION_KEY_PREVIOUS: optional(
    z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "the ENCRYPTION_KEY used before this one: 32 bytes in base64, as it was"),
  ),
  PORT: z.coerce.number({ message: "a port number between 1 and 65535" }).int().min(0).max(65535).default(3000),
  METRICS_TOKEN: optional(z.string().min(16, "a random string of at least 16 characters (openssl rand -hex 24)")),
  METRICS_PORT: optional(z.coerce.number({ message: "a port number between 1 and 65535" }).int().min(0).max(65535)),
  PUBLIC_URL: optional(z.url({ message: "the public https:// address of this Baton, e.g. https://baton.example.com" })),
  DATABASE_TIMEOUT_MS: z.coerce
    .number({ message: "milliseconds, e.g. 10000" })
    .int()
    .min(100, "at least 100 milliseconds")
    .max(120_000, "at most 120000 milliseconds")
    .default(10_000),
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: "a number of connections, e.g. 10" })
    .int("a whole number of connections, e.g. 10")
    .min(2, "at least 2 connections")
    .max(500, "at most 500 connections")
    .default(10),
  DIGEST_CONCURRENCY: z.coerce
    .number({ message: "a number of digests, e.g. 4" })
    .int("a whole number of digests, e.g. 4")
    .min(1, "at least 1 digest at a time")
    .max(100, "at most 100 digests at a time")
    .default(4),
  WEBHOOK_RATE_LIMIT: z.coerce
    .number({ message: "requests per minute per workspace, e.g. 60" })
    .int()
    .min(1, "at least 1 request per minute")
    .default(60),
  CSV_IMPORT_MAX_MB: z.coerce
    .number({ message: "megabytes, e.g. 20" })
    .int("a whole number of megabytes, e.g. 20")
    .min(1, "at least 1 MB")
    .max(1024, "at most 1024 MB")
    .default(20),
  RETENTION_DAYS_AFTER_UNINSTALL: z.coerce
    .number({ message: "a number of days, e.g. 30" })
    .int("a whole number of days, e.g. 30")
    .min(0, "0 (purge at the next hourly housekeeping) or more days")
    .max(3650, "at most 3650 days")
    .default(30),
  OUTBOX_LEASE_MS: z.coerce
    .number({ message: "milliseconds, e.g. 60000" })
    .int()
    .min(500, "at least 500 milliseconds (longer than one Slack call takes)")
    .max(3_600_000, "at most 3600000 milliseconds")
    .default(60_000),
  OUTBOX_SWEEP_SECONDS: z.coerce
    .number({ message: "seconds, e.g. 60" })
    .int("a whole number of seconds, e.g. 60")
    .min(1, "at least 1 second")
    .max(60, "at most 60 seconds")
    .default(60),
  DATABASE_URL: optional(z.string().refine(isDatabaseUrl, "file:./data/baton.db (SQLite) or postgresql://user:password@host:5432/db")),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"], { message: "json or pretty" }).optional(),
  SALES_CHANNEL_ID: optional(channelId),
  MARKETING_CHANNEL_ID: optional(channelId),
  DIGEST_CRON: z
    .string()
    .refine((value) => validCron(value), 'a node-cron expression of 5 or 6 fields, e.g. "0 9 * * 1" (Mondays 09:00)')
    .default("0 9 * * 1"),
  DIGEST_TIMEZONE: z
    .string()
    .refine((value) => IANAZone.isValidZone(value), "an IANA time zone such as Europe/Berlin or America/New_York")
    .default("UTC"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  };
  /** Socket Mode when an app token is set, HTTP otherwise. */
  socketMode: boolean;
  port: number;
  /**
   * Who may read /metrics: with `token` only requests bearing it; with `port`, /metrics is served on that port on
   * 127.0.0.1 only and not on the public port.
   */
  metrics: { token?: string; port?: number };
  /** Public address of this Baton (for the web-form URL shown to admins); without it admins see a placeholder. */
  publicUrl?: string;
  databaseUrl?: string;
  /** How long one database operation may wait (for a lock, a connection or an answer) before it fails. */
  databaseTimeoutMs: number;
  /** PostgreSQL connections per process (SQLite has one). */
  databasePoolSize: number;
  /** Scheduled digests one process runs at once: below the pool, so requests still get connections. */
  digestConcurrency: number;
  /** POST /webhooks/leads requests per minute per workspace. */
  webhookRateLimit: number;
  /** The largest CSV file `/lead import` reads (CSV_IMPORT_MAX_MB). */
  csvImportMaxBytes: number;
  /** Days after app_uninstalled before a workspace's data is purged. */
  retentionDaysAfterUninstall: number;
  /**
   * The outbox: how long one delivery holds an effect before another replica may take it over (OUTBOX_LEASE_MS),
   * and how often each replica sweeps for effects left undelivered (OUTBOX_SWEEP_SECONDS).
   */
  outbox: { leaseMs: number; sweepSeconds: number };
  encryptionKey?: Buffer;
  /** The key before ENCRYPTION_KEY: still decrypts; what it encrypted is re-encrypted at start-up. */
  encryptionKeyPrevious?: Buffer;
  log: { level: Env["LOG_LEVEL"]; pretty: boolean };
  defaults: {
    salesChannelId?: string;
    marketingChannelId?: string;
    digestCron: string;
    digestTimezone: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Baton cannot start: fix these settings (in the environment or .env; see .env.example):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // A variable set to nothing (`LOG_FORMAT=` in a copied .env.example) means "not set".
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim())));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${describeIssue(issue, env)}`));
  }
  const e = parsed.data;
  const problems = crossFieldProblems(e);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    slack: {
      ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
      ...(isDistributed(e)
        ? {
            oauth: {
              clientId: e.SLACK_CLIENT_ID ?? "",
              clientSecret: e.SLACK_CLIENT_SECRET ?? "",
              stateSecret: e.SLACK_STATE_SECRET ?? "",
            },
          }
        : {}),
    },
    socketMode: Boolean(e.SLACK_APP_TOKEN),
    port: e.PORT,
    metrics: {
      ...(e.METRICS_TOKEN ? { token: e.METRICS_TOKEN } : {}),
      ...(e.METRICS_PORT !== undefined ? { port: e.METRICS_PORT } : {}),
    },
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, "") } : {}),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    databaseTimeoutMs: e.DATABASE_TIMEOUT_MS,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    digestConcurrency: e.DIGEST_CONCURRENCY,
    webhookRateLimit: e.WEBHOOK_RATE_LIMIT,
    csvImportMaxBytes: e.CSV_IMPORT_MAX_MB * 1024 * 1024,
    retentionDaysAfterUninstall: e.RETENTION_DAYS_AFTER_UNINSTALL,
    outbox: { leaseMs: e.OUTBOX_LEASE_MS, sweepSeconds: e.OUTBOX_SWEEP_SECONDS },
    ...(e.ENCRYPTION_KEY ? { encryptionKey: Buffer.from(e.ENCRYPTION_KEY, "base64") } : {}),
    ...(e.ENCRYPTION_KEY_PREVIOUS ? { encryptionKeyPrevious: Buffer.from(e.ENCRYPTION_KEY_PREVIOUS, "base64") } : {}),
    log: { level: e.LOG_LEVEL, pretty: (e.LOG_FORMAT ?? (env.NODE_ENV === "production" ? "json" : "pretty")) === "pretty" },
    defaults: {
      ...(e.SALES_CHANNEL_ID ? { salesChannelId: e.SALES_CHANNEL_ID } : {}),
      ...(e.MARKETING_CHANNEL_ID ? { marketingChannelId: e.MARKETING_CHANNEL_ID } : {}),
      digestCron: e.DIGEST_CRON,
      digestTimezone: e.DIGEST_TIMEZONE,
    },
  };
}

function isDistributed(e: Env): boolean {
  return Boolean(e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET || e.SLACK_STATE_SECRET);
}

function crossFieldProblems(e: Env): string[] {
  const problems: string[] = [];
  if (isDistributed(e)) {
    for (const name of ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "ENCRYPTION_KEY"] as const) {
      if (!e[name])
        problems.push(
          `${name}: missing; a distributed (OAuth) install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET and ENCRYPTION_KEY`,
        );
    }
  } else if (!e.SLACK_BOT_TOKEN) {
    problems.push("SLACK_BOT_TOKEN: missing; the Bot User OAuth Token (starts with xoxb-) from your Slack app's OAuth & Permissions page");
  }
  if (e.ENCRYPTION_KEY_PREVIOUS && !e.ENCRYPTION_KEY) {
    problems.push("ENCRYPTION_KEY: missing; ENCRYPTION_KEY_PREVIOUS is the old key, so ENCRYPTION_KEY must hold the new one");
  } else if (e.ENCRYPTION_KEY_PREVIOUS && e.ENCRYPTION_KEY_PREVIOUS === e.ENCRYPTION_KEY) {
    problems.push("ENCRYPTION_KEY_PREVIOUS: should be the old key, not the same as ENCRYPTION_KEY (or leave it empty)");
  }
  if (e.DIGEST_CONCURRENCY >= e.DATABASE_POOL_SIZE) {
    problems.push(
      `DIGEST_CONCURRENCY: should be below DATABASE_POOL_SIZE (${e.DATABASE_POOL_SIZE}), so requests still get a database connection while digests run`,
    );
  }
  if (e.METRICS_PORT && e.METRICS_PORT === e.PORT) {
    problems.push("METRICS_PORT: should differ from PORT (it serves /metrics on 127.0.0.1 only, beside the public port)");
  }
  if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push("SLACK_SIGNING_SECRET: missing; the Signing Secret from Basic Information (or set SLACK_APP_TOKEN to use Socket Mode)");
  }
  if (isDistributed(e) && !e.SLACK_SIGNING_SECRET && !problems.some((p) => p.startsWith("SLACK_SIGNING_SECRET"))) {
    problems.push("SLACK_SIGNING_SECRET: missing; the OAuth install pages need the Signing Secret from Basic Information");
  }
  return problems;
}

const SECRET_NAMES = /TOKEN|SECRET|KEY|DATABASE_URL/;

function describeIssue(issue: z.core.$ZodIssue, env: NodeJS.ProcessEnv): string {
  const name = String(issue.path[0]);
  const raw = env[name];
  const shown = raw === undefined ? "" : SECRET_NAMES.test(name) ? " (value hidden)" : ` (got ${JSON.stringify(raw)})`;
  return `should be ${issue.message}${shown}`;
}

function isDatabaseUrl(value: string): boolean {
  try {
    providerOf(value);
    return true;
  } catch {
    return false;
  }
}

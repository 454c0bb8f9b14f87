// Starts the real Baton (Bolt in HTTP mode, real database) in-process on a free port, with Slack's Web API
// replaced by a local stand-in. Tests drive it with signed requests and assert on the database and on Slack calls.
import { type Baton, type StartOptions, startBaton } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import type { Db } from "../../src/db/client.js";
import { createLogger } from "../../src/lib/logger.js";
import { MARKETING_CHANNEL, SALES_CHANNEL } from "./channels.js";
import { TestClock } from "./clock.js";
import { freshDatabase, type TestDatabase } from "./database.js";
import { SlackRequests } from "./slack-requests.js";
import { SlackStandIn } from "./slack-stand-in.js";
import { HANG_BOUND_MS } from "./waits.js";

export const SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
export { MARKETING_CHANNEL, SALES_CHANNEL };

export interface TestApp {
  baton: Baton;
  slack: SlackStandIn;
  requests: SlackRequests;
  db: Db;
  clock: TestClock;
  /** http://127.0.0.1:<port> */
  url: string;
  databaseUrl: string;
  /** Waits until Baton has finished what it still does after answering (work after an ack, job runs). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: TestClock;
  /** Share a database (and Slack stand-in) with another instance, as replicas do. */
  databaseUrl?: string;
  slack?: SlackStandIn;
  start?: Omit<StartOptions, "clock">;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const slack = options.slack ?? (await SlackStandIn.start());
  const database: TestDatabase | undefined = options.databaseUrl ? undefined : await freshDatabase();
  const databaseUrl = options.databaseUrl ?? database?.url ?? "";
  const clock = options.clock ?? new TestClock();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.url,
    DATABASE_URL: databaseUrl,
    PORT: "0",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    LOG_FORMAT: "json",
    SALES_CHANNEL_ID: SALES_CHANNEL,
    MARKETING_CHANNEL_ID: MARKETING_CHANNEL,
    ...options.env,
  });
  const logger = createLogger({ level: config.log.level, pretty: false });
  // Every test app serves any team id with its one stand-in token, so tests can give each case a workspace of its
  // own; tests of the single-workspace rule pass `start: { serveEveryTeam: false }`.
  // App Home redraws wait no window unless a test passes timers of its own (test/helpers/timers.ts).
  const baton = await startBaton(config, {
    clock,
    logger,
    schedule: false,
    serveEveryTeam: true,
    homeRedraws: { windowMs: 0 },
    ...options.start,
  });
  const url = `http://127.0.0.1:${baton.port}`;
  return {
    baton,
    slack,
    requests: new SlackRequests(`${url}/slack/events`, SIGNING_SECRET, slack),
    db: baton.database.prisma,
    clock,
    url,
    databaseUrl,
    idle: async () => {
      if (!(await baton.idle(HANG_BOUND_MS))) throw new Error(`Baton was still busy after ${HANG_BOUND_MS / 1000} s (a hang?)`);
    },
    stop: async () => {
      await baton.stop();
      if (!options.slack) await slack.stop();
      await database?.drop();
    },
  };
}

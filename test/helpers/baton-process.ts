// Baton as its own process (`node --import tsx src/main.ts`, started and stopped as bench/ does), against the
// Slack stand-in and a shared database: for what only a real process shows, a SIGKILL at any moment and replicas
// each running its own sweeper on its own clock.
import { freePort, startProcess } from "../../bench/lib/processes.js";
import { TestClock } from "./clock.js";
import { SlackRequests } from "./slack-requests.js";
import type { SlackCall, SlackStandIn } from "./slack-stand-in.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, SIGNING_SECRET } from "./test-app.js";

/** The team the single bot token serves (the stand-in's auth.test answer). */
export const PROCESS_TEAM = "T0TEST0001";

/** A short lease and a sweep every second, so a killed process's effects are taken over within seconds. */
export const QUICK_OUTBOX = { OUTBOX_LEASE_MS: "3000", OUTBOX_SWEEP_SECONDS: "1" };

export interface BatonProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: SlackRequests;
  slack: SlackStandIn;
  /** Real time, for what signs requests with the app's clock (web forms). */
  clock: TestClock;
  /** SIGKILL, at once: nothing more runs in the process. */
  kill(): void;
  exited: Promise<void>;
  /** SIGTERM, then waits until it has gone. */
  stop(): Promise<void>;
}

export async function startBatonProcess(slack: SlackStandIn, databaseUrl: string, env: Record<string, string> = {}): Promise<BatonProcess> {
  const app = await startProcess(
    process.execPath,
    ["--import", "tsx", "src/main.ts"],
    {
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
      LOG_FORMAT: "json",
      SALES_CHANNEL_ID: SALES_CHANNEL,
      MARKETING_CHANNEL_ID: MARKETING_CHANNEL,
      ...QUICK_OUTBOX,
      ...env,
    },
    await freePort(),
    "/readyz",
  );
  const url = `http://127.0.0.1:${app.port}`;
  return {
    url,
    requests: new SlackRequests(`${url}/slack/events`, SIGNING_SECRET, slack),
    slack,
    clock: new TestClock(new Date()),
    kill: app.kill,
    exited: app.exited,
    stop: app.stop,
  };
}

/** Whether a call is the post of an outbox effect (it carries the effect's id as metadata). */
export const isEffectPost = (call: SlackCall) => call.method === "chat.postMessage" && call.args.metadata?.event_type === "baton_effect";

/** How many messages in the stand-in's channels carry each effect id. */
export function postsPerEffect(slack: SlackStandIn): Map<string, number> {
  const counts = new Map<string, number>();
  for (const messages of slack.history.values()) {
    for (const message of messages) {
      const id = (message.metadata as { event_payload?: { effect_id?: string } } | undefined)?.event_payload?.effect_id;
      if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

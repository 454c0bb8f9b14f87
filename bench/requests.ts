// Request overhead: the same signed Slack requests, at the same rate, against Baton (on a database of 100,000
// leads) and against a bare Bolt app that only acks and makes the same Slack call. Each app runs in its own
// process; the load and the Slack stand-in run in this one.
import { type KeyedRequest, type LoadResult, runLoad } from "./lib/load.js";
import { type AppProcess, cpuMs, freePort, startProcess } from "./lib/processes.js";
import { pendingCardTs, SALES_CHANNEL } from "./lib/seed.js";
import type { SlackStub } from "./lib/slack-stub.js";
import { median } from "./lib/stats.js";

export const SCENARIOS = ["lead", "accept", "acceptAt100", "acceptAt20", "funnel"] as const;
/** `--only accept`: the Accept scenarios alone, at 200 and 100 a second. */
export const ACCEPT_SCENARIOS: readonly Scenario[] = ["accept", "acceptAt100"];
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  lead: "/lead → views.open",
  accept: "Accept click → DB write, chat.update",
  acceptAt100: "Accept click at 100/s",
  acceptAt20: "Accept click, within capacity",
  funnel: "/funnel month on 100k leads",
};

/**
 * Accept at 200/s is beyond what one Baton process does (it queues, and the queue is what its p99 shows), so those
 * runs are short; it runs again at a rate one process keeps up with, to show its latency when it is not queueing.
 */
const OVERRIDES: Partial<Record<Scenario, Partial<LoadPlan>>> = {
  accept: { seconds: 2 },
  acceptAt100: { rate: 100 },
  acceptAt20: { rate: 20 },
};
const isAccept = (scenario: Scenario) => scenario === "accept" || scenario === "acceptAt100" || scenario === "acceptAt20";

export interface LoadPlan {
  rate: number;
  seconds: number;
  runs: number;
}

export interface OverheadFigures extends LoadResult {
  scenario: Scenario;
  app: string;
  /** Requests offered per second. */
  rate: number;
  /** The app process's CPU time (user + system) over the measured runs, per request done. */
  cpuMsPerDone: number;
}

/** Shaped like a real Signing Secret (32 hex characters), which Baton checks at start-up. */
export const SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
const REP = "U0REP00001";
let sequence = 0;

/**
 * The n-th request of a scenario; every request gets keys of its own, so its Slack call can be found. `handoffs`
 * counts the waiting handoffs already clicked, so that every Accept is a first click.
 */
export function scenarioRequest(
  scenario: Scenario,
  stub: SlackStub,
  teamId: string,
  handoffs: { clicked: number },
): (n: number) => KeyedRequest {
  return () => {
    const key = `bench.${scenario}.${++sequence}`;
    if (isAccept(scenario)) {
      if (handoffs.clicked >= PENDING_HANDOFFS) throw new Error("the seed has no handoff left to accept: raise PENDING_HANDOFFS");
      return { key, body: acceptClick(teamId, handoffs.clicked++, stub.responseUrl(key)) };
    }
    const command = scenario === "lead" ? "/lead" : "/funnel";
    const text = scenario === "lead" ? "" : "month";
    return { key, body: slashCommand(teamId, command, text, key, stub.responseUrl(key)) };
  };
}

/** Handoffs the seed leaves waiting, enough that every Accept in a full run is a first click. */
export const PENDING_HANDOFFS = 6_000;

function slashCommand(teamId: string, command: string, text: string, triggerId: string, responseUrl: string): string {
  return new URLSearchParams({
    token: "unused",
    team_id: teamId,
    team_domain: "bench",
    channel_id: SALES_CHANNEL,
    channel_name: "sales",
    user_id: REP,
    user_name: "rep",
    command,
    text,
    api_app_id: "A0BATON001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: triggerId,
  }).toString();
}

/**
 * A click on the n-th waiting handoff's card, as Slack sends it: from that card's message, with an action_ts in
 * microseconds. The card's ts and the action_ts are part of what tells one interaction from a replay of it
 * (src/slack/once-per-interaction.ts); clicks on one shared message with action_ts in milliseconds made two clicks
 * sent in the same millisecond one interaction, and Baton rightly answered the second as a replay: not at all.
 */
function acceptClick(teamId: string, n: number, responseUrl: string): string {
  const messageTs = pendingCardTs(n);
  const actionTs = ((performance.timeOrigin + performance.now()) / 1000).toFixed(6);
  const payload = {
    type: "block_actions",
    team: { id: teamId, domain: "bench" },
    user: { id: REP, username: "rep", team_id: teamId },
    api_app_id: "A0BATON001",
    token: "unused",
    trigger_id: `trigger.${sequence}`,
    response_url: responseUrl,
    container: { type: "message", message_ts: messageTs, channel_id: SALES_CHANNEL, is_ephemeral: false },
    channel: { id: SALES_CHANNEL, name: "sales" },
    message: { ts: messageTs, text: "", blocks: [] },
    actions: [{ type: "button", action_id: "handoff_accept", block_id: "actions", value: `HP${n}`, action_ts: actionTs }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** Runs every scenario against a started app: a short warm-up, then `plan.runs` measured runs; medians of each. */
export async function measureScenarios(
  app: AppProcess,
  appName: string,
  stub: SlackStub,
  teamId: string,
  plan: LoadPlan,
  scenarios: readonly Scenario[] = SCENARIOS,
) {
  const figures: OverheadFigures[] = [];
  const handoffs = { clicked: 0 };
  for (const scenario of scenarios) {
    const request = scenarioRequest(scenario, stub, teamId, handoffs);
    const { rate, seconds } = { ...plan, ...OVERRIDES[scenario] };
    const load = (rate: number, seconds: number) =>
      runLoad({
        url: `http://127.0.0.1:${app.port}/slack/events`,
        signingSecret: SIGNING_SECRET,
        stub,
        request,
        rate,
        seconds,
      });
    await load(Math.min(50, rate), 1);
    const runs: LoadResult[] = [];
    const cpuBefore = cpuMs(app.pid);
    for (let i = 0; i < plan.runs; i++) runs.push(await load(rate, Math.min(seconds, plan.seconds)));
    const done = runs.reduce((sum, run) => sum + (run.sent - run.failed), 0);
    const cpuMsPerDone = done > 0 ? (cpuMs(app.pid) - cpuBefore) / done : Number.NaN;
    process.stderr.write(
      `bench: ${appName}, ${SCENARIO_LABELS[scenario]} at ${rate}/s: ${cpuMsPerDone.toFixed(2)} ms of CPU per request done\n`,
    );
    figures.push({ scenario, app: appName, rate, cpuMsPerDone, ...medians(runs) });
  }
  return figures;
}

function medians(runs: LoadResult[]): LoadResult {
  const of = (pick: (r: LoadResult) => number) => median(runs.map(pick));
  return {
    sent: of((r) => r.sent),
    failed: Math.max(...runs.map((r) => r.failed)),
    throughput: of((r) => r.throughput),
    ackP50: of((r) => r.ackP50),
    ackP99: of((r) => r.ackP99),
    doneP50: of((r) => r.doneP50),
    doneP99: of((r) => r.doneP99),
  };
}

/** The bare Bolt app, in its own process like Baton. */
export async function startBareBolt(stub: SlackStub): Promise<AppProcess> {
  const env = { SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_API_URL: stub.url };
  return startProcess(process.execPath, ["--import", "tsx", "bench/bare-bolt.ts"], env, await freePort(), "/healthz");
}

// /metrics counting real requests, Slack's retried events processed once, correlation ids and redaction in logs.
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/lib/logger.js";
import { requestImport, TEST_ENCRYPTION_KEY, webFormSecret } from "../helpers/production.js";
import { SIGNING_SECRET, startTestApp, type TestApp } from "../helpers/test-app.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const TEAM = "T0OPS00001";

class LogCapture extends Writable {
  readonly lines: Record<string, any>[] = [];
  raw = "";
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.raw += chunk.toString();
    for (const line of chunk.toString().split("\n").filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

async function metricValue(app: TestApp, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split("\n")
    .find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? wanted.every((w) => l.includes(w)) : false));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("metrics", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("counts requests by listener and outcome, handler latency, Slack API calls and retries, and web-form answers", async () => {
    const before = await metricValue(app, "baton_slack_requests_total", { listener: "command:/baton", outcome: "ok" });
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.requests.command("/baton", "help", { teamId: TEAM });
    // Counted when the listener has finished, which may be just after Slack got its answer.
    await app.idle();
    expect(await metricValue(app, "baton_slack_requests_total", { listener: "command:/baton", outcome: "ok" })).toBe(before + 2);
    expect(await metricValue(app, "baton_slack_handler_duration_seconds_count", { listener: "command:/baton" })).toBeGreaterThanOrEqual(2);

    app.slack.failNext("views.open", 500, 1);
    app.slack.setUser({ id: "U0OPSADM01", is_admin: true });
    await app.requests.command("/baton", "settings", { teamId: TEAM, userId: "U0OPSADM01" });
    await app.slack.waitFor("views.update");
    expect(await metricValue(app, "baton_slack_api_retries_total", { method: "views.open", reason: "server_error" })).toBe(1);
    expect(await metricValue(app, "baton_slack_api_calls_total", { method: "views.open", outcome: "ok" })).toBe(1);
    expect(await metricValue(app, "baton_slack_api_calls_total", { method: "views.open", outcome: "http_error" })).toBe(1);

    const secret = await webFormSecret(app, TEAM);
    await postWebFormLead(app, { teamId: TEAM, secret, body: { email: "m@metrics.io" } });
    await postWebFormLead(app, { teamId: TEAM, secret: "bwf_wrong", body: { email: "m@metrics.io" } });
    expect(await metricValue(app, "baton_webhook_requests_total", { status: "201" })).toBe(1);
    expect(await metricValue(app, "baton_webhook_requests_total", { status: "401" })).toBe(1);
    const text = await (await fetch(`${app.url}/metrics`)).text();
    for (const name of [
      "baton_digest_runs_total",
      "baton_sla_breaches_total",
      "baton_csv_import_rows_total",
      "process_cpu_seconds_total",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it("counts job runs", async () => {
    await app.baton.jobs.housekeeping?.run();
    expect(await metricValue(app, "baton_job_runs_total", { job: "housekeeping", outcome: "ok" })).toBe(1);
  });
});

describe("Slack retries", () => {
  let app: TestApp;
  let replica: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    replica = await startTestApp({ databaseUrl: app.databaseUrl, slack: app.slack, clock: app.clock });
    await app.requests.command("/baton", "help", { teamId: TEAM });
  });
  afterAll(async () => {
    await replica.stop();
    await app.stop();
  });

  it("processes an event delivered again (X-Slack-Retry-Num, same event_id) once, on whichever replica it lands", async () => {
    await requestImport(app, { teamId: TEAM, userId: "U0RETRY001" });
    app.slack.addFile("FRETRY0001", "retry.csv", "email,name\nretry@acme.io,Retry Person\n");
    const event = {
      type: "file_shared",
      file_id: "FRETRY0001",
      user_id: "U0RETRY001",
      channel_id: "DU0RETRY001",
      file: { id: "FRETRY0001" },
    };
    const first = await app.requests.event(event, { teamId: TEAM, eventId: "Ev0RETRY0001" });
    const [retryHere, retryThere] = await Promise.all([
      app.requests.event(event, { teamId: TEAM, eventId: "Ev0RETRY0001", retryNum: 1 }),
      replica.requests.event(event, { teamId: TEAM, eventId: "Ev0RETRY0001", retryNum: 2 }),
    ]);
    for (const reply of [first, retryHere, retryThere]) expect(reply.status).toBe(200);
    await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of retry.csv"));
    await Promise.all([app.idle(), replica.idle()]);
    expect(app.slack.callsOf("chat.postMessage").filter((call) => String(call.args.text).startsWith("Import of retry.csv"))).toHaveLength(
      1,
    );
    expect(app.slack.callsOf("files.info")).toHaveLength(1);
    expect(await app.db.leadEvent.count({ where: { teamId: TEAM, actorId: "U0RETRY001" } })).toBe(1);
    const dropped =
      (await metricValue(app, "baton_slack_events_deduplicated_total")) +
      (await metricValue(replica, "baton_slack_events_deduplicated_total"));
    expect(dropped).toBe(2);
  });

  it("forgets processed event ids after a week (housekeeping)", async () => {
    expect(await app.db.onceMarker.count({ where: { key: "event:Ev0RETRY0001" } })).toBe(1);
    app.clock.advance(8 * 24 * 60 * 60_000);
    await app.baton.jobs.housekeeping?.run();
    expect(await app.db.onceMarker.count({ where: { key: "event:Ev0RETRY0001" } })).toBe(0);
  });
});

describe("logs", () => {
  it("carry a correlation id on every line of a request, and never tokens, secrets, signatures or personal fields", async () => {
    const capture = new LogCapture();
    const logger = createLogger({ level: "trace", pretty: false, destination: capture });
    const app = await startTestApp({
      start: { logger },
      env: {
        SLACK_BOT_TOKEN: "",
        SLACK_CLIENT_ID: "1234567890.0987654321",
        SLACK_CLIENT_SECRET: "client-secret-ZZTOPSECRETZZ",
        SLACK_STATE_SECRET: "state-secret-0123456789abcdef",
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      },
    });
    try {
      app.slack.grantOAuthCode("code-logs", {
        teamId: TEAM,
        teamName: "Logs",
        botToken: "xoxb-SECRET-BOT-TOKEN-1",
        botUserId: "UBOTLOGS1",
      });
      const page = await fetch(`${app.url}/slack/install`);
      const state = new URL(((await page.text()).match(/href="([^"]+)"/)?.[1] ?? "").replaceAll("&amp;", "&")).searchParams.get("state");
      await fetch(`${app.url}/slack/oauth_redirect?code=code-logs&state=${state}`, {
        headers: { cookie: (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "" },
      });
      const secret = await webFormSecret(app, TEAM);
      const lead = { email: "jane.private@secret-mail.io", name: "Jane Private", phone: "+1 415 555 0199", notes: "private notes here" };
      const posted = await postWebFormLead(app, { teamId: TEAM, secret, body: lead });
      expect(posted.status).toBe(201);
      await postWebFormLead(app, { teamId: TEAM, secret, body: { ...lead, email: "bad jane.private@secret-mail.io" } });
      await requestImport(app, { teamId: TEAM, userId: "U0LOGS0001" });
      app.slack.addFile(
        "FLOGS00001",
        "people.csv",
        `email,name,phone\n${lead.email},${lead.name},${lead.phone}\nbroken-row-jane.private@,x,y\n`,
      );
      await app.requests.event(
        { type: "file_shared", file_id: "FLOGS00001", user_id: "U0LOGS0001", channel_id: "DU0LOGS0001", file: { id: "FLOGS00001" } },
        { teamId: TEAM },
      );
      await app.slack.waitFor("files.completeUploadExternal");
      await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("New lead"));
      await app.baton.jobs.housekeeping?.run();
    } finally {
      await app.stop();
    }
    // The capture worked (Bolt and the Web API client log at info at most, so most lines are Baton's own).
    expect(capture.lines.length).toBeGreaterThan(5);
    for (const secretText of [
      "xoxb-SECRET-BOT-TOKEN-1",
      "client-secret-ZZTOPSECRETZZ",
      SIGNING_SECRET,
      "bwf_",
      "jane.private",
      "secret-mail.io",
      "Jane Private",
      "555 0199",
      "private notes",
      "v1=",
      "enc:v1:",
    ]) {
      expect(capture.raw, `logs contain ${secretText}`).not.toContain(secretText);
    }
    const requestLines = capture.lines.filter((line) => line.msg === "web-form request" || line.msg === "csv import finished");
    expect(requestLines.length).toBeGreaterThanOrEqual(3);
    for (const line of requestLines) expect(line.requestId).toEqual(expect.any(String));
    const jobLine = capture.lines.find((line) => line.msg === "housekeeping done");
    expect(jobLine).toMatchObject({ job: "housekeeping", runId: expect.any(String) });
    expect(capture.lines.filter((line) => line.msg === "installed")).toHaveLength(1);
  });
});

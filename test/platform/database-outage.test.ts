// A slow database never keeps Slack waiting; an unreachable one gets people a clear "try again" and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { holdWriteLock, takeDatabaseDown } from "../helpers/outage.js";
import { webFormSecret } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { waitUntil } from "../helpers/waits.js";
import { postWebFormLead } from "../helpers/web-forms.js";

const TRY_AGAIN = "Baton can't reach its database right now, so nothing was changed. Please try again in a minute.";

describe("a slow database", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });

  it("acks a command while writes are blocked, and finishes the work once they are not", async () => {
    await app.requests.command("/baton", "help", { teamId: "T0SLOW0001" }); // a known workspace
    const lock = await holdWriteLock(app.databaseUrl, 1_000);
    let released = false;
    let reply: Awaited<ReturnType<TestApp["requests"]["command"]>>;
    try {
      reply = await app.requests.command("/lead", "import", { teamId: "T0SLOW0001", userId: "U0SLOW0001" });
      // PostgreSQL waits without blocking: the ack comes while the lock is still held. (SQLite's driver waits
      // synchronously, so there the lock holder lets go by itself within Slack's window.)
      if (app.baton.database.provider === "postgresql") expect(released).toBe(false);
    } finally {
      released = true;
      await lock.release();
    }
    expect(reply.status).toBe(200);
    expect(reply.body.text).toContain("Share a CSV file");
    await waitUntil(async () => (await app.db.onceMarker.count({ where: { key: "import-request:T0SLOW0001:U0SLOW0001" } })) === 1);
    expect(app.slack.responses.filter((r) => String(r.body.text).includes("can't reach"))).toEqual([]);
  });

  it("lets a new workspace's first request through while its row waits for the lock", async () => {
    const lock = await holdWriteLock(app.databaseUrl, 1_000);
    let reply: Awaited<ReturnType<TestApp["requests"]["command"]>>;
    try {
      reply = await app.requests.command("/baton", "help", { teamId: "T0SLOW0002" });
    } finally {
      await lock.release();
    }
    expect(reply.status).toBe(200);
    expect(reply.body.text).toContain("Baton commands");
    await waitUntil(async () => (await app.db.workspace.count({ where: { teamId: "T0SLOW0002" } })) === 1);
  });
});

describe("a database outage", () => {
  let app: TestApp;
  let secret: string;
  const KNOWN = "T0DOWN0001";
  beforeAll(async () => {
    app = await startTestApp({ env: { DATABASE_TIMEOUT_MS: "500" } });
    await app.requests.command("/baton", "help", { teamId: KNOWN });
    secret = await webFormSecret(app, KNOWN);
  });
  afterAll(async () => {
    await app.stop();
  });

  it("answers every kind of request with a clear 'try again', writes nothing, and works again afterwards", async () => {
    const restore = await takeDatabaseDown(app.databaseUrl);
    let command: Awaited<ReturnType<TestApp["requests"]["command"]>>;
    let submission: Awaited<ReturnType<TestApp["requests"]["viewSubmission"]>>;
    let importAck: Awaited<ReturnType<TestApp["requests"]["command"]>>;
    let webhook: Awaited<ReturnType<typeof postWebFormLead>>;
    let live: Response;
    let ready: Response;
    try {
      command = await app.requests.command("/baton", "help", { teamId: "T0DOWN0002" });
      submission = await app.requests.viewSubmission(
        {
          callbackId: "lead_modal",
          values: { lead_email: { email: { type: "plain_text_input", value: "a@b.co" } } },
          blocks: [{ type: "input", block_id: "lead_email" }],
        },
        { teamId: "T0DOWN0003" },
      );
      importAck = await app.requests.command("/lead", "import", { teamId: KNOWN, userId: "U0DOWN0001" });
      await app.slack.waitForResponse((post) => post.body.text === TRY_AGAIN);
      webhook = await postWebFormLead(app, { teamId: KNOWN, secret, body: { email: "lost@outage.io" } });
      live = await fetch(`${app.url}/healthz`);
      ready = await fetch(`${app.url}/readyz`);
    } finally {
      await restore();
    }
    expect(command.status).toBe(200);
    expect(command.body).toMatchObject({ response_type: "ephemeral", text: TRY_AGAIN });
    expect(submission.body).toEqual({ response_action: "errors", errors: { lead_email: TRY_AGAIN } });
    expect(importAck.body.text).toContain("Share a CSV file");
    expect(webhook.status).toBe(503);
    expect(webhook.headers.get("retry-after")).toBe("30");
    expect(webhook.body.error).toBe("unavailable");
    expect(live.status).toBe(200);
    if (app.baton.database.provider === "postgresql") expect(ready.status).toBe(503);

    expect(await app.db.workspace.count({ where: { teamId: { in: ["T0DOWN0002", "T0DOWN0003"] } } })).toBe(0);
    expect(await app.db.onceMarker.count({ where: { key: { startsWith: `import-request:${KNOWN}` } } })).toBe(0);
    expect(await app.db.lead.count({ where: { emailKey: "lost@outage.io" } })).toBe(0);

    app.clock.advanceMinutes(1);
    expect((await app.requests.command("/baton", "help", { teamId: "T0DOWN0002" })).body.text).toContain("Baton commands");
    expect((await postWebFormLead(app, { teamId: KNOWN, secret, body: { email: "lost@outage.io" } })).status).toBe(201);
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});

// Baton as a process, started the way `npm start` starts it, from a directory with no .env.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../helpers/database.js";
import { SlackRequests } from "../helpers/slack-requests.js";
import { SlackStandIn } from "../helpers/slack-stand-in.js";
import { SIGNING_SECRET } from "../helpers/test-app.js";
import { HANG_BOUND_MS } from "../helpers/waits.js";

const tsx = createRequire(import.meta.url).resolve("tsx");
const main = path.resolve("src/main.ts");

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startProcess(env: Record<string, string>): Running {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "baton-proc-"));
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, ["--import", tsx, main], { cwd, env: { PATH: PATH ?? "", HOME: HOME ?? "", ...env } });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(url: string, timeoutMs = HANG_BOUND_MS): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not become healthy`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("npm start", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  // A start-up that hangs instead of stopping is caught by the test's timeout (generous on purpose: how fast it
  // stops is not this test's business, and a busy machine must not fail it).
  it("with no Slack settings, stops naming each missing variable, without a stack trace", { timeout: 2 * HANG_BOUND_MS }, async () => {
    const run = startProcess({});
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain("SLACK_BOT_TOKEN: missing");
    expect(run.output()).toContain("SLACK_SIGNING_SECRET: missing");
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it("serves /healthz, answers signed requests, and exits 0 on SIGTERM", { timeout: 3 * HANG_BOUND_MS }, async () => {
    const slack = await SlackStandIn.start();
    const database: TestDatabase = await freshDatabase();
    cleanups.push(
      () => slack.stop(),
      () => database.drop(),
    );
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const run = startProcess({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      DATABASE_URL: database.url,
      PORT: String(port),
      LOG_FORMAT: "json",
    });
    cleanups.push(async () => {
      run.child.kill("SIGKILL");
    });
    await waitForHealth(`http://127.0.0.1:${port}/healthz`);

    const requests = new SlackRequests(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, slack);
    const reply = await requests.command("/baton", "help");
    expect(reply.body.response_type).toBe("ephemeral");

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('"msg":"stopped"');
  });
});

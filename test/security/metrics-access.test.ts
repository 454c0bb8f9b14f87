// /metrics is not for everyone: with METRICS_TOKEN it needs that bearer token, and with METRICS_PORT it is served
// only on that port, on the loopback interface, and not on the public port at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { SIGNING_SECRET, startTestApp, type TestApp } from "../helpers/test-app.js";

const TOKEN = "metrics-token-0123456789abcdef";

/** Another loopback address: Linux answers on all of 127.0.0.0/8, so only a server bound to 127.0.0.1 refuses it. */
const OTHER_LOOPBACK = "127.0.0.2";

const reachable = (url: string) =>
  fetch(url).then(
    (response) => response.status,
    (error: { cause?: { code?: string } }) => error.cause?.code ?? "failed",
  );

describe("METRICS_TOKEN", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("answers 401 without the bearer token, or with another, and the metrics with it", async () => {
    const none = await fetch(`${app.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    expect(await none.text()).not.toContain("baton_");
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
    const ok = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("baton_slack_requests_total");
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});

describe("METRICS_PORT", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { METRICS_PORT: "0" } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("serves /metrics on its own port on 127.0.0.1 only, and not on the public port", async () => {
    const port = app.baton.metricsPort;
    expect(port).toBeGreaterThan(0);
    expect(port).not.toBe(app.baton.port);
    const local = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain("baton_slack_requests_total");
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
    expect(await reachable(`http://127.0.0.1:${port}/healthz`)).toBe(404);
    // The public port listens on every interface; the metrics port does not.
    expect(await reachable(`http://${OTHER_LOOPBACK}:${app.baton.port}/healthz`)).toBe(200);
    expect(await reachable(`http://${OTHER_LOOPBACK}:${port}/metrics`)).toBe("ECONNREFUSED");
  });

  it("closes the metrics port when Baton stops", async () => {
    const other = await startTestApp({ env: { METRICS_PORT: "0" } });
    const port = other.baton.metricsPort;
    await other.stop();
    expect(await reachable(`http://127.0.0.1:${port}/metrics`)).toBe("ECONNREFUSED");
  });
});

describe("metrics settings", () => {
  const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SIGNING_SECRET };
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
      return [];
    } catch (error) {
      return (error as { problems?: string[] }).problems ?? [String(error)];
    }
  };

  it("need a long token and a port number, and say so", () => {
    expect(problems({ METRICS_TOKEN: "short" })).toEqual([
      "METRICS_TOKEN: should be a random string of at least 16 characters (openssl rand -hex 24) (value hidden)",
    ]);
    expect(problems({ METRICS_PORT: "http" })).toEqual(['METRICS_PORT: should be a port number between 1 and 65535 (got "http")']);
    expect(problems({ METRICS_PORT: "3000", PORT: "3000" })).toEqual([
      "METRICS_PORT: should differ from PORT (it serves /metrics on 127.0.0.1 only, beside the public port)",
    ]);
    expect(loadConfig({ ...base, METRICS_TOKEN: TOKEN, METRICS_PORT: "9464" }).metrics).toEqual({ token: TOKEN, port: 9464 });
  });
});

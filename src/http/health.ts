import type { HealthChecks } from "./deps.js";
import type { Route } from "./routes.js";
import { sendJson } from "./routes.js";

const PING_TIMEOUT_MS = 2_000;

async function readiness(checks: HealthChecks): Promise<{ ok: boolean; detail: string }> {
  if (!checks.started()) return { ok: false, detail: "starting" };
  try {
    await withTimeout(checks.ping(), PING_TIMEOUT_MS);
    const pending = await withTimeout(checks.pendingMigrations(), PING_TIMEOUT_MS);
    return pending.length === 0 ? { ok: true, detail: "ok" } : { ok: false, detail: `${pending.length} migration(s) pending` };
  } catch {
    return { ok: false, detail: "database unreachable" };
  }
}

/**
 * GET /healthz (liveness): 200 once the process has started, whatever the database does, so an orchestrator does
 * not restart Baton for a database outage. GET /readyz (readiness): 200 only when the database is reachable and
 * migrated, so traffic goes elsewhere meanwhile.
 */
export function healthRoutes(checks: HealthChecks): Route[] {
  return [
    {
      path: "/healthz",
      method: "GET",
      handler: (_req, res) => {
        const up = checks.started();
        sendJson(res, up ? 200 : 503, { status: up ? "ok" : "starting" });
      },
    },
    {
      path: "/readyz",
      method: "GET",
      handler: async (_req, res) => {
        const status = await readiness(checks);
        sendJson(res, status.ok ? 200 : 503, { status: status.ok ? "ok" : "unavailable", database: status.detail });
      },
    },
  ];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

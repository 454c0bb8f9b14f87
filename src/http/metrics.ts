import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Metrics } from "../lib/metrics.js";
import type { Route } from "./routes.js";

/** GET /metrics in Prometheus's text format; with `token` (METRICS_TOKEN), only for requests bearing it. */
export function metricsRoute(metrics: Metrics, token?: string): Route {
  return {
    path: "/metrics",
    method: "GET",
    handler: async (req, res) => {
      if (token && !bearsToken(req.headers.authorization, token)) {
        res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" });
        res.end("a bearer token is needed (METRICS_TOKEN)");
        return;
      }
      const body = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
      res.end(body);
    },
  };
}

/** Compares digests, so neither the token's content nor its length leaks through timing. */
function bearsToken(header: string | undefined, token: string): boolean {
  const given = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return given !== "" && timingSafeEqual(digest(given), digest(token));
}

/** A server for /metrics alone on 127.0.0.1 (METRICS_PORT), so only this machine (or its pod) can read it. */
export async function serveOnLoopback(route: Route, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== route.path || req.method !== "GET") {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    Promise.resolve(route.handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import type { Metrics } from "../lib/metrics.js";
import type { Route } from "./routes.js";

/** GET /metrics in Prometheus's text format. */
export function metricsRoute(metrics: Metrics): Route {
  return {
    path: "/metrics",
    method: "GET",
    handler: async (_req, res) => {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" });
      res.end(body);
    },
  };
}

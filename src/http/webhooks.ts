// Lead intake over HTTP: POST /webhooks/leads (web forms signed with Baton's scheme) and
// POST /webhooks/sources/<id> (a lead source: Typeform, Tally, Webflow, HubSpot, Calendly, Zapier, Make, ...).
// The contracts (headers, answers) live in src/domain/intake/.
import type { IncomingMessage } from "node:http";
import type { WebhookRouteDeps } from "./deps.js";
import { handleIntake, header } from "./intake-handler.js";
import type { Route } from "./routes.js";

export const WEBHOOK_PATH = "/webhooks/leads";
export const SOURCE_PATH_PREFIX = "/webhooks/sources/";

export function webhookRoutes(deps: WebhookRouteDeps): Route[] {
  return [
    {
      path: WEBHOOK_PATH,
      method: "POST",
      handler: (req, res) =>
        handleIntake(
          req,
          res,
          {
            ...deps,
            route: WEBHOOK_PATH,
            logMessage: "web-form request",
            counted: (status) => deps.metrics.webhookRequests.inc({ status: String(status) }),
            logFields: { teamId: header(req, "x-baton-team") },
          },
          (rawBody) =>
            deps.webForms.receive({
              teamId: header(req, "x-baton-team"),
              timestamp: header(req, "x-baton-timestamp"),
              signature: header(req, "x-baton-signature"),
              idempotencyKey: header(req, "idempotency-key"),
              contentType: header(req, "content-type"),
              rawBody,
            }),
        ),
    },
    {
      path: `${SOURCE_PATH_PREFIX}:sourceId`,
      method: "POST",
      handler: (req, res) => {
        let provider = "unknown";
        return handleIntake(
          req,
          res,
          {
            ...deps,
            route: `${SOURCE_PATH_PREFIX}:sourceId`,
            logMessage: "lead source request",
            counted: (status) => deps.metrics.leadSourceRequests.inc({ provider, status: String(status) }),
          },
          async (rawBody) => {
            const answer = await deps.leadSources.receive({
              sourceId: sourceIdOf(req),
              method: req.method ?? "POST",
              url: requestUrl(req, deps.publicUrl),
              header: (name) => header(req, name.toLowerCase()),
              contentType: header(req, "content-type"),
              rawBody,
            });
            provider = answer.provider;
            return answer;
          },
        );
      },
    },
  ];
}

function sourceIdOf(req: IncomingMessage): string {
  const params = (req as IncomingMessage & { params?: Record<string, string> }).params;
  return params?.sourceId ?? (req.url ?? "").split("?")[0]?.slice(SOURCE_PATH_PREFIX.length) ?? "";
}

/** The URL as the provider called it: PUBLIC_URL when set (Baton behind a proxy), else the Host it was sent to. */
function requestUrl(req: IncomingMessage, publicUrl: string | undefined): string {
  const path = req.url ?? "/";
  if (publicUrl) return `${publicUrl.replace(/\/+$/, "")}${path}`;
  const proto = header(req, "x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${header(req, "host") ?? "localhost"}${path}`;
}

import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { withCorrelation } from "../lib/correlation.js";
import { isUnavailableError } from "../lib/errors.js";
import type { WebhookRouteDeps } from "./deps.js";
import { type Route, sendJson } from "./routes.js";

export const WEBHOOK_PATH = "/webhooks/leads";
const MAX_BODY_BYTES = 64 * 1024;

/** POST /webhooks/leads: see src/domain/intake/ for the contract (headers, answers). */
export function webhookRoutes(deps: WebhookRouteDeps): Route[] {
  return [
    {
      path: WEBHOOK_PATH,
      method: "POST",
      handler: (req, res) => {
        const requestId = correlationIdOf(req);
        return withCorrelation({ requestId }, async () => {
          const started = process.hrtime.bigint();
          let status = 500;
          try {
            const rawBody = await readBody(req, MAX_BODY_BYTES);
            if (rawBody === undefined) {
              status = 413;
              return sendJson(
                res,
                status,
                { ok: false, error: "too_large", message: "The body can be at most 64 KB." },
                { "x-request-id": requestId },
              );
            }
            const answer = await deps.inFlight.track(
              deps.webForms.receive({
                teamId: header(req, "x-baton-team"),
                timestamp: header(req, "x-baton-timestamp"),
                signature: header(req, "x-baton-signature"),
                idempotencyKey: header(req, "idempotency-key"),
                contentType: header(req, "content-type"),
                rawBody,
              }),
            );
            status = answer.status;
            sendJson(res, status, answer.body, { ...answer.headers, "x-request-id": requestId });
            if (answer.afterResponse) {
              void deps.inFlight.track(
                answer.afterResponse().catch((error: unknown) => deps.logger.warn({ err: error }, "could not announce a web-form lead")),
              );
            }
          } catch (error) {
            status = isUnavailableError(error) ? 503 : 500;
            if (status === 503) deps.logger.warn({ err: error }, "web-form lead refused: database unavailable");
            else deps.logger.error({ err: error }, "web-form lead failed");
            const body =
              status === 503
                ? { ok: false, error: "unavailable", message: "Baton can't reach its database right now; nothing was saved. Retry later." }
                : { ok: false, error: "internal", message: "Something went wrong on Baton's side; nothing was saved. Retry later." };
            if (!res.headersSent) sendJson(res, status, body, { "retry-after": "30", "x-request-id": requestId });
          } finally {
            deps.metrics.webhookRequests.inc({ status: String(status) });
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            deps.logger.info({ route: WEBHOOK_PATH, status, teamId: header(req, "x-baton-team"), ms: Math.round(ms) }, "web-form request");
          }
        });
      },
    },
  ];
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function correlationIdOf(req: IncomingMessage): string {
  const given = header(req, "x-request-id");
  return given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
}

/** The raw body, or undefined when it is larger than `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

// What every lead intake endpoint does around its use case: a correlation id, a bounded raw body, the answer as
// JSON, work after the answer, a clear 503 when the database is away, and one log line without personal data.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IntakeAnswer } from "../domain/intake/idempotency.js";
import { withCorrelation } from "../lib/correlation.js";
import { isUnavailableError } from "../lib/errors.js";
import type { InFlight } from "../lib/in-flight.js";
import type { Logger } from "../lib/logger.js";
import { sendJson } from "./routes.js";

const MAX_BODY_BYTES = 64 * 1024;

export interface IntakeHandling {
  logger: Logger;
  inFlight: InFlight;
  /** For the log line: which endpoint, and its message. */
  route: string;
  logMessage: string;
  /** Called with the answer's status once it is sent (metrics). */
  counted(status: number): void;
  /** Safe log fields (never a secret, an email or a source id a person could use). */
  logFields?: Record<string, string | undefined>;
}

export function handleIntake(
  req: IncomingMessage,
  res: ServerResponse,
  handling: IntakeHandling,
  answer: (rawBody: Buffer) => Promise<IntakeAnswer>,
): Promise<void> {
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
      const result = await handling.inFlight.track(answer(rawBody));
      status = result.status;
      sendJson(res, status, result.body, { ...result.headers, "x-request-id": requestId });
      if (result.afterResponse) {
        void handling.inFlight.track(
          result
            .afterResponse()
            .catch((error: unknown) => handling.logger.warn({ err: error }, "could not announce a lead from outside Slack")),
        );
      }
    } catch (error) {
      status = isUnavailableError(error) ? 503 : 500;
      if (status === 503) handling.logger.warn({ err: error }, "lead refused: database unavailable");
      else handling.logger.error({ err: error }, "lead intake failed");
      const body =
        status === 503
          ? { ok: false, error: "unavailable", message: "Baton can't reach its database right now; nothing was saved. Retry later." }
          : { ok: false, error: "internal", message: "Something went wrong on Baton's side; nothing was saved. Retry later." };
      if (!res.headersSent) sendJson(res, status, body, { "retry-after": "30", "x-request-id": requestId });
    } finally {
      handling.counted(status);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      handling.logger.info({ route: handling.route, status, ...handling.logFields, ms: Math.round(ms) }, handling.logMessage);
    }
  });
}

export function header(req: IncomingMessage, name: string): string | undefined {
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

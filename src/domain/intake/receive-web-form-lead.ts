import { servesIntake } from "../../db/org-workspaces.js";
import type { WebFormIntakeDeps } from "./deps.js";
import { type IntakeAnswer, once } from "./idempotency.js";
import { notServed } from "./not-served.js";
import { type OutsideChannel, saveOutsideLead } from "./save-outside-lead.js";
import { parseWebFormPayload } from "./web-form-payload.js";
import { checkWebFormSignature } from "./web-form-signature.js";

export interface WebFormRequest {
  teamId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  rawBody: Buffer;
}

export type WebFormAnswer = IntakeAnswer;

const MAX_KEY_LENGTH = 255;

/** POST /webhooks/leads: authenticate, limit, validate, save once per Idempotency-Key, announce new leads. */
export async function receiveWebFormLead(deps: WebFormIntakeDeps, request: WebFormRequest): Promise<WebFormAnswer> {
  const { teamId } = request;
  const secret = teamId && /^[TE][A-Z0-9]{2,}$/.test(teamId) ? await deps.secrets.current(teamId) : undefined;
  const check = secret
    ? checkWebFormSignature({
        secret,
        timestamp: request.timestamp,
        signature: request.signature,
        rawBody: request.rawBody,
        now: deps.clock.now(),
      })
    : ({ ok: false, reason: "mismatch" } as const);
  if (!teamId || !check.ok) {
    const message =
      !check.ok && check.reason === "stale"
        ? "X-Baton-Timestamp is more than five minutes from Baton's clock."
        : "Missing or wrong X-Baton-Team, X-Baton-Timestamp or X-Baton-Signature (see /baton settings → Web forms).";
    return { status: 401, body: { ok: false, error: "invalid_signature", message } };
  }
  // Before anything is counted or stored: a workspace Baton does not serve keeps nothing of the request.
  if (!(await servesIntake(deps.db, teamId))) return notServed();
  const key = request.idempotencyKey?.trim();
  if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    return {
      status: 400,
      body: { ok: false, error: "invalid_request", errors: [{ field: "Idempotency-Key", message: "1 to 255 characters." }] },
    };
  }
  const rate = await deps.limiter.take(teamId);
  if (!rate.ok) {
    return {
      status: 429,
      headers: { "retry-after": String(rate.retryAfterSeconds) },
      body: { ok: false, error: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds },
    };
  }
  const payload = parseWebFormPayload(request.rawBody, request.contentType);
  if (!payload.ok) return { status: payload.status, body: { ok: false, error: "invalid_lead", errors: payload.errors } };
  const save = () => saveOutsideLead(deps, teamId, payload.lead, WEB_FORM);
  if (key === undefined) return save();
  return once(deps, { teamId, key, rawBody: request.rawBody, what: "Idempotency-Key" }, save);
}

const WEB_FORM: OutsideChannel = { channel: "web_form", label: "a web form", leadSource: "webhook", announcedAs: "web form" };

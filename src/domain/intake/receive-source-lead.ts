// POST /webhooks/sources/<id>: a lead from a form or booking tool, checked with the provider's own signature,
// limited per source, saved once per provider event (or response) id, announced when new.

import type { Db } from "../../db/client.js";
import { countBadSignature, countReceived, type LeadSource, leadSourceById } from "../../db/lead-sources.js";
import { servesIntake } from "../../db/org-workspaces.js";
import type { Clock } from "../../lib/clock.js";
import type { OptionalSecrets } from "../../lib/crypto.js";
import type { Metrics } from "../../lib/metrics.js";
import type { OutboxPort } from "../outbox/outbox.js";
import { type FieldMap, leadFromSubmission } from "./field-map.js";
import { type IntakeAnswer, once } from "./idempotency.js";
import { notServed } from "./not-served.js";
import { isProviderId, PROVIDERS, type ProviderRequest, type ProviderSpec } from "./providers/index.js";
import type { RateLimiter } from "./rate-limit.js";
import { saveOutsideLead } from "./save-outside-lead.js";

export interface SourceRequest extends Omit<ProviderRequest, "now"> {
  sourceId: string;
}

export interface SourceAnswer extends IntakeAnswer {
  /** For the metrics' label: the provider, never the source's id. */
  provider: string;
}

export interface SourceIntakeDeps {
  db: Db;
  clock: Clock;
  secrets: OptionalSecrets;
  limiter: RateLimiter;
  outbox: OutboxPort;
  metrics: Pick<Metrics, "leadSourceBadSignatures">;
}

export async function receiveSourceLead(deps: SourceIntakeDeps, request: SourceRequest): Promise<SourceAnswer> {
  const source = /^c[a-z0-9]{8,40}$/.test(request.sourceId) ? await leadSourceById(deps.db, request.sourceId) : null;
  if (!source || !isProviderId(source.provider)) {
    return { provider: "unknown", status: 404, body: { ok: false, error: "unknown_source", message: "No lead source has this address." } };
  }
  const spec = PROVIDERS[source.provider];
  const answer = await receiveFor(deps, source, spec, { ...request, now: deps.clock.now() });
  return { ...answer, provider: spec.id };
}

async function receiveFor(deps: SourceIntakeDeps, source: LeadSource, spec: ProviderSpec, request: ProviderRequest): Promise<IntakeAnswer> {
  const verdict = spec.verify(request, openSecret(deps.secrets, source.secret));
  if (!verdict.ok) {
    deps.metrics.leadSourceBadSignatures.inc({ provider: spec.id });
    await countBadSignature(deps.db, source.teamId, source.id);
    const message =
      verdict.reason === "stale"
        ? `The signed timestamp is too far from Baton's clock (a replay, or a clock that is off).`
        : `Missing or wrong ${spec.label} signature: check the secret in /baton settings → Lead sources.`;
    return { status: 401, body: { ok: false, error: "invalid_signature", message } };
  }
  if (!(await servesIntake(deps.db, source.teamId))) return notServed();
  const rate = await deps.limiter.take(source.teamId, source.id);
  if (!rate.ok) {
    return {
      status: 429,
      headers: { "retry-after": String(rate.retryAfterSeconds) },
      body: { ok: false, error: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds },
    };
  }
  await countReceived(deps.db, source.teamId, source.id, request.now, false);
  const parsed = spec.parse(request);
  if (parsed.kind === "ignored") return { status: 200, body: { ok: true, ignored: parsed.reason } };
  if (parsed.kind === "invalid") return { status: 400, body: { ok: false, error: "invalid_payload", message: parsed.message } };
  const lead = leadFromSubmission(parsed, (source.fieldMap ?? {}) as FieldMap);
  if (!lead.ok) {
    const errors = Object.entries(lead.errors).map(([field, message]) => ({
      field: field === "campaignCode" ? "campaign" : field,
      message,
    }));
    return { status: 400, body: { ok: false, error: "invalid_lead", errors } };
  }
  const origin = {
    channel: spec.id,
    label: spec.label,
    sourceId: source.id,
    defaultCampaignId: source.defaultCampaignId,
    leadSource: spec.id,
    announcedAs: spec.announcedAs,
  };
  const save = () =>
    saveOutsideLead(deps, source.teamId, lead.lead, origin, () => countReceived(deps.db, source.teamId, source.id, request.now, true));
  if (!parsed.eventId) return save();
  const key = `source:${source.id}:${parsed.eventId}`.slice(0, 255);
  return once(deps, { teamId: source.teamId, key, rawBody: request.rawBody, what: `${spec.label} event id` }, save);
}

/** A secret sealed with a key Baton no longer has opens to nothing that a signature could match. */
function openSecret(secrets: OptionalSecrets, stored: string): string {
  try {
    return secrets.open(stored);
  } catch {
    return "";
  }
}

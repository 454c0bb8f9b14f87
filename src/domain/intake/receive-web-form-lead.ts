import { leadWithCampaign } from "../../db/lead-pages.js";
import {
  claimWebhookReceipt,
  completeWebhookReceipt,
  releaseWebhookReceipt,
  takeOverStaleReceipt,
  type WebhookReceipt,
} from "../../db/webhooks.js";
import { findWorkspace } from "../../db/workspaces.js";
import { isAppError, isUnavailableError } from "../../lib/errors.js";
import type { LeadInput } from "../leads/lead-input.js";
import { saveLead } from "../leads/save-lead.js";
import type { IntakeDeps } from "./deps.js";
import { RateLimiter } from "./rate-limit.js";
import { parseWebFormPayload, publicField } from "./web-form-payload.js";
import { WebFormSecrets } from "./web-form-secrets.js";
import { checkWebFormSignature } from "./web-form-signature.js";

export interface WebFormRequest {
  teamId: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  idempotencyKey: string | undefined;
  contentType: string | undefined;
  rawBody: Buffer;
}

export interface WebFormAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Work to do after answering (announcing a new lead), so the form is not kept waiting on Slack. */
  afterResponse?: () => Promise<void>;
}

/** A claim left by a process that died mid-request is taken over after this long. */
const STALE_CLAIM_MS = 60_000;
const MAX_KEY_LENGTH = 255;

/** POST /webhooks/leads: authenticate, limit, validate, save once per Idempotency-Key, announce new leads. */
export async function receiveWebFormLead(deps: IntakeDeps, request: WebFormRequest): Promise<WebFormAnswer> {
  const { teamId } = request;
  const secret = teamId && /^[TE][A-Z0-9]{2,}$/.test(teamId) ? await new WebFormSecrets(deps).current(teamId) : undefined;
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
  const key = request.idempotencyKey?.trim();
  if (key !== undefined && (key.length === 0 || key.length > MAX_KEY_LENGTH)) {
    return {
      status: 400,
      body: { ok: false, error: "invalid_request", errors: [{ field: "Idempotency-Key", message: "1 to 255 characters." }] },
    };
  }
  const rate = await new RateLimiter({ ...deps, scope: "webhook", perMinute: deps.rateLimit }).take(teamId);
  if (!rate.ok) {
    return {
      status: 429,
      headers: { "retry-after": String(rate.retryAfterSeconds) },
      body: { ok: false, error: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds },
    };
  }
  const payload = parseWebFormPayload(request.rawBody, request.contentType);
  if (!payload.ok) return { status: payload.status, body: { ok: false, error: "invalid_lead", errors: payload.errors } };
  if (key === undefined) return save(deps, teamId, payload.lead);
  return once(deps, teamId, key, () => save(deps, teamId, payload.lead));
}

async function once(deps: IntakeDeps, teamId: string, key: string, work: () => Promise<WebFormAnswer>): Promise<WebFormAnswer> {
  const claim = await claimWebhookReceipt(deps.db, teamId, key, deps.clock.now());
  let receiptId: string;
  if (claim.claimed) receiptId = claim.id;
  else if (claim.receipt.status !== 0) return replay(claim.receipt);
  else {
    const staleBefore = new Date(deps.clock.now().getTime() - STALE_CLAIM_MS);
    if (!(await takeOverStaleReceipt(deps.db, claim.receipt.id, teamId, staleBefore, deps.clock.now()))) {
      return { status: 409, body: { ok: false, error: "in_progress", message: "A request with this Idempotency-Key is being processed." } };
    }
    receiptId = claim.receipt.id;
  }
  let answer: WebFormAnswer;
  try {
    answer = await work();
  } catch (error) {
    await releaseWebhookReceipt(deps.db, receiptId, teamId).catch((releaseError: unknown) => {
      // The claim then runs out (STALE_CLAIM_MS) and a retry takes it over; the work's own error is what the caller sees.
      deps.logger.warn({ err: releaseError, teamId }, "could not release a web-form idempotency claim");
    });
    throw error;
  }
  if (answer.status < 500) await completeWebhookReceipt(deps.db, receiptId, teamId, answer.status, JSON.stringify(answer.body));
  else await releaseWebhookReceipt(deps.db, receiptId, teamId);
  return answer;
}

function replay(receipt: WebhookReceipt): WebFormAnswer {
  return { status: receipt.status, body: JSON.parse(receipt.body) as Record<string, unknown>, headers: { "idempotent-replayed": "true" } };
}

async function save(deps: IntakeDeps, teamId: string, lead: LeadInput): Promise<WebFormAnswer> {
  try {
    const saved = await saveLead(deps, { teamId, actorId: "webhook", source: "webhook", lead });
    const body = { ok: true, leadId: saved.lead.id, created: saved.created };
    if (!saved.created) return { status: 200, body };
    return { status: 201, body, afterResponse: () => announce(deps, teamId, saved.lead.id) };
  } catch (error) {
    if (isUnavailableError(error) || !isAppError(error) || error.code !== "invalid_input") throw error;
    const errors = Object.keys(error.fields).length
      ? Object.entries(error.fields).map(([field]) => ({ field: publicField(field), message: campaignMessage(field, lead, error.message) }))
      : [{ field: "body", message: error.message }];
    return { status: 400, body: { ok: false, error: "invalid_lead", errors } };
  }
}

function campaignMessage(field: string, lead: LeadInput, fallback: string): string {
  return field.startsWith("campaign") && lead.campaignCode
    ? `No campaign in this workspace has the tracking code "${lead.campaignCode}".`
    : fallback;
}

async function announce(deps: IntakeDeps, teamId: string, leadId: string): Promise<void> {
  const workspace = await findWorkspace(deps.db, teamId);
  const lead = await leadWithCampaign(deps.db, teamId, leadId);
  if (!workspace?.marketingChannelId || !lead) return;
  await deps.announcer.newLead({
    teamId,
    channelId: workspace.marketingChannelId,
    source: "web form",
    lead: { id: lead.id, name: lead.name, company: lead.company, title: lead.title, campaignName: lead.campaign?.name ?? null },
  });
}

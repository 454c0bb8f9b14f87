// Doing a request's work once per key: the first answer is stored and replayed for a repeat with the same body; the
// same key with another body is refused (422), since replaying would tell the sender something false.
import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import {
  claimWebhookReceipt,
  completeWebhookReceipt,
  releaseWebhookReceipt,
  takeOverStaleReceipt,
  type WebhookReceipt,
} from "../../db/webhooks.js";
import type { Clock } from "../../lib/clock.js";

export interface IntakeAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
  /** Work to do after answering (announcing a new lead), so the sender is not kept waiting on Slack. */
  afterResponse?: () => Promise<void>;
}

/** A claim left by a process that died mid-request is taken over after this long. */
const STALE_CLAIM_MS = 60_000;

export const bodyHash = (rawBody: Buffer): string => createHash("sha256").update(rawBody).digest("hex");

export async function once(
  deps: { db: Db; clock: Clock },
  claim: { teamId: string; key: string; rawBody: Buffer; what: string },
  work: () => Promise<IntakeAnswer>,
): Promise<IntakeAnswer> {
  const { db, clock } = deps;
  const { teamId, key } = claim;
  const hash = bodyHash(claim.rawBody);
  const claimed = await claimWebhookReceipt(db, teamId, key, clock.now(), hash);
  let receiptId: string;
  if (claimed.claimed) receiptId = claimed.id;
  else if (claimed.receipt.bodyHash !== null && claimed.receipt.bodyHash !== hash) return reused(claim.what);
  else if (claimed.receipt.status !== 0) return replay(claimed.receipt);
  else {
    const staleBefore = new Date(clock.now().getTime() - STALE_CLAIM_MS);
    if (!(await takeOverStaleReceipt(db, claimed.receipt.id, teamId, staleBefore, clock.now()))) {
      return { status: 409, body: { ok: false, error: "in_progress", message: `A request with this ${claim.what} is being processed.` } };
    }
    receiptId = claimed.receipt.id;
  }
  let answer: IntakeAnswer;
  try {
    answer = await work();
  } catch (error) {
    await releaseWebhookReceipt(db, receiptId, teamId).catch(() => undefined);
    throw error;
  }
  if (answer.status < 500) await completeWebhookReceipt(db, receiptId, teamId, answer.status, JSON.stringify(answer.body));
  else await releaseWebhookReceipt(db, receiptId, teamId);
  return answer;
}

function replay(receipt: WebhookReceipt): IntakeAnswer {
  return { status: receipt.status, body: JSON.parse(receipt.body) as Record<string, unknown>, headers: { "idempotent-replayed": "true" } };
}

function reused(what: string): IntakeAnswer {
  return {
    status: 422,
    body: {
      ok: false,
      error: "idempotency_key_reused",
      message: `This ${what} was already used with a different body; nothing was saved. Use a new key for a new request.`,
    },
  };
}

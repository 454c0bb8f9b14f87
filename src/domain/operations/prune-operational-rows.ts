import { pruneOnceMarkers } from "../../db/once.js";
import { pruneRateWindows, pruneWebhookReceipts } from "../../db/webhooks.js";
import type { OperationsDeps } from "./deps.js";
import { INTERACTION_KEY_PREFIX } from "./slack-interactions.js";

const DAY_MS = 24 * 60 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * How long operational rows are kept: Slack retries within minutes; idempotency keys are honoured for a day, a lead
 * source's event ids for four (HubSpot retries a workflow's webhook for up to three days). A claimed interaction only
 * has to outlive its request's signature (valid five minutes): an hour leaves room for clocks that disagree.
 */
export const RETENTION = {
  slackEventIdsDays: 7,
  idempotencyKeysDays: 1,
  sourceEventIdsDays: 4,
  importRequestsDays: 1,
  interactionClaimsHours: 1,
} as const;

/** Deletes operational rows nobody needs any more. Safe on several replicas at once (plain deletes by age). */
export async function pruneOperationalRows(deps: OperationsDeps): Promise<Record<string, number>> {
  const { db } = deps;
  const now = deps.clock.now().getTime();
  const ago = (days: number) => new Date(now - days * DAY_MS);
  return {
    slackEvents: await pruneOnceMarkers(db, "event:", ago(RETENTION.slackEventIdsDays)),
    importRequests: await pruneOnceMarkers(db, "import-request:", ago(RETENTION.importRequestsDays)),
    interactionClaims: await pruneOnceMarkers(db, INTERACTION_KEY_PREFIX, new Date(now - RETENTION.interactionClaimsHours * HOUR_MS)),
    webhookReceipts: await pruneWebhookReceipts(db, ago(RETENTION.idempotencyKeysDays), {
      prefix: "source:",
      before: ago(RETENTION.sourceEventIdsDays),
    }),
    rateWindows: await pruneRateWindows(db, new Date(now)),
  };
}

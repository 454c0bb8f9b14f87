// Sending one message of a run to one target exactly once, across retries, replicas and crashes.
//
// Before calling Slack, a Delivery row says "sending"; right after Slack answers, it says "posted" with the
// message ts. The only window where a crash loses track is between Slack's answer and that one update. A retry
// that finds a row still "sending" first asks Slack whether the message is there (the message carries the run
// id); if Slack cannot tell, it does not post again: at most once beats twice for a digest.
import { findDelivery, renewLease, settleDelivery, startDelivery } from "../../db/job-runs.js";
import { isAppError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import type { FunnelDeps } from "./context.js";
import type { DigestFaults, FoundMessage } from "./ports.js";

export const LEASE_MS = 5 * 60_000;

export interface RunHandle {
  id: string;
  key: string;
  claimedBy: string;
}

export interface DeliveryDeps extends FunnelDeps {
  logger: Logger;
  faults?: DigestFaults;
}

export type DeliveryOutcome =
  | { status: "posted"; ts: string | null; now: boolean }
  | { status: "failed"; reason: string; now: boolean }
  | { status: "skipped"; reason: string };

/** Another replica took the run over (this one was too slow): stop quietly, the new owner finishes. */
export class LostLease extends Error {
  constructor(runKey: string) {
    super(`lost the lease on ${runKey}`);
    this.name = "LostLease";
  }
}

export async function holdLease(deps: DeliveryDeps, run: RunHandle): Promise<void> {
  const until = new Date(deps.clock.now().getTime() + LEASE_MS);
  if (!(await renewLease(deps.db, run.id, run.claimedBy, until))) throw new LostLease(run.key);
}

export async function deliverOnce(
  deps: DeliveryDeps,
  run: RunHandle,
  target: string,
  send: () => Promise<{ ts: string } | undefined>,
  recover?: () => Promise<FoundMessage>,
): Promise<DeliveryOutcome> {
  const existing = await findDelivery(deps.db, run.id, target);
  if (existing?.status === "posted") return { status: "posted", ts: existing.messageTs, now: false };
  if (existing?.status === "failed") return { status: "failed", reason: existing.error ?? "failed", now: false };
  if (existing?.status === "skipped") return { status: "skipped", reason: existing.error ?? "skipped" };
  if (existing?.status === "sending") {
    const found: FoundMessage = recover ? await recover() : { found: "unknown" };
    if (found.found === true) {
      await settleDelivery(deps.db, run.id, target, { status: "posted", messageTs: found.ts, postedAt: deps.clock.now() });
      deps.logger.info({ run: run.key, target }, "digest delivery found in Slack after an interrupted run");
      return { status: "posted", ts: found.ts, now: false };
    }
    if (found.found === "unknown") {
      await settleDelivery(deps.db, run.id, target, { status: "skipped", error: "interrupted; not resent to avoid a duplicate" });
      deps.logger.warn({ run: run.key, target }, "digest delivery interrupted and Slack cannot say whether it arrived: not resending");
      return { status: "skipped", reason: "interrupted" };
    }
    await settleDelivery(deps.db, run.id, target, { status: "retry", error: "interrupted before Slack answered" });
  }
  await holdLease(deps, run);
  if (!(await startDelivery(deps.db, run.id, target))) throw new LostLease(run.key);
  let result: { ts: string } | undefined;
  // A call Slack keeps rate-limiting can outlast the lease: keep it while the call is alive, so no other
  // replica takes the run over and sends the same message.
  const heartbeat = setInterval(() => void holdLease(deps, run).catch(() => undefined), LEASE_MS / 3);
  heartbeat.unref();
  try {
    result = await send();
  } catch (error) {
    // Refused for good (the channel is gone, Baton is not in it): recorded as failed and never retried.
    const permanent = isAppError(error) && error.code === "not_configured";
    const reason = permanent ? (error.reason ?? error.message) : errorText(error);
    await settleDelivery(deps.db, run.id, target, { status: permanent ? "failed" : "retry", error: reason });
    if (permanent) return { status: "failed", reason, now: true };
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  await deps.faults?.afterSend?.(run.key, target);
  await settleDelivery(deps.db, run.id, target, { status: "posted", messageTs: result?.ts ?? null, postedAt: deps.clock.now() });
  return { status: "posted", ts: result?.ts ?? null, now: true };
}

export async function skipDelivery(deps: DeliveryDeps, run: RunHandle, target: string, reason: string): Promise<void> {
  const existing = await findDelivery(deps.db, run.id, target);
  if (!existing) await settleDelivery(deps.db, run.id, target, { status: "skipped", error: reason });
}

/** An error's message, short and without anything a person typed (Slack error codes, HTTP statuses). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

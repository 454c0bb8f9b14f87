// Sending one message of a run to one target exactly once, across retries, replicas and crashes.
//
// Before calling Slack, a Delivery row says "sending"; right after Slack answers, it says "posted" with the
// message ts. The only window where a crash loses track is between Slack's answer and that one update. A retry
// that finds a row still "sending" first asks Slack whether the message is there (the message carries the run
// id); if Slack cannot tell, it does not post again: at most once beats twice for a digest.
import { findDelivery, settleDelivery, startDelivery } from "../../db/job-runs.js";
import { isAppError } from "../../lib/errors.js";
import type { DigestDeps } from "./deps.js";
import type { FoundMessage } from "./ports.js";
import { holdLease, LEASE_MS, LostLease, type RunHandle } from "./run-lease.js";

type DeliveryDeps = Pick<DigestDeps, "db" | "clock" | "logger">;

export interface Delivery {
  run: RunHandle;
  /** Where the message goes, unique within the run: "channel:C…", "subscription:<id>". */
  target: string;
  send: () => Promise<{ ts: string } | undefined>;
  /** Asks Slack whether an interrupted send arrived; without it, an interrupted send is not repeated. */
  recover?: () => Promise<FoundMessage>;
}

export type DeliveryOutcome =
  | { status: "posted"; ts: string | null; now: boolean }
  | { status: "failed"; reason: string; now: boolean }
  | { status: "skipped"; reason: string };

export async function deliverOnce(deps: DeliveryDeps, delivery: Delivery): Promise<DeliveryOutcome> {
  const { run, target } = delivery;
  const existing = await findDelivery(deps.db, run.id, target);
  if (existing?.status === "posted") return { status: "posted", ts: existing.messageTs, now: false };
  if (existing?.status === "failed") return { status: "failed", reason: existing.error ?? "failed", now: false };
  if (existing?.status === "skipped") return { status: "skipped", reason: existing.error ?? "skipped" };
  if (existing?.status === "sending") {
    const recovered = await recoverInterrupted(deps, delivery);
    if (recovered) return recovered;
  }
  await holdLease(deps, run);
  if (!(await startDelivery(deps.db, run.id, target))) throw new LostLease(run.key);
  let result: { ts: string } | undefined;
  // A call Slack keeps rate-limiting can outlast the lease: keep it while the call is alive, so no other
  // replica takes the run over and sends the same message.
  const heartbeat = setInterval(() => void keepLease(deps, run), LEASE_MS / 3);
  heartbeat.unref();
  try {
    result = await delivery.send();
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
  await settleDelivery(deps.db, run.id, target, { status: "posted", messageTs: result?.ts ?? null, postedAt: deps.clock.now() });
  return { status: "posted", ts: result?.ts ?? null, now: true };
}

/** A send that was under way when its replica stopped: found in Slack, given up on, or to be sent again (undefined). */
async function recoverInterrupted(deps: DeliveryDeps, { run, target, recover }: Delivery): Promise<DeliveryOutcome | undefined> {
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
  return undefined;
}

/** The heartbeat's renewal: a failure is logged and the send goes on; the next delivery checks the lease again. */
async function keepLease(deps: DeliveryDeps, run: RunHandle): Promise<void> {
  try {
    await holdLease(deps, run);
  } catch (error) {
    deps.logger.warn({ err: error, run: run.key }, "could not renew a digest run's lease during a slow send");
  }
}

export async function skipDelivery(deps: Pick<DigestDeps, "db">, run: RunHandle, target: string, reason: string): Promise<void> {
  const existing = await findDelivery(deps.db, run.id, target);
  if (!existing) await settleDelivery(deps.db, run.id, target, { status: "skipped", error: reason });
}

/** An error's message, short and without anything a person typed (Slack error codes, HTTP statuses). */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 500);
}

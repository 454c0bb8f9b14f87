// The transactional outbox's delivery: the process that made a decision delivers its effects at once, and the
// sweeper (src/jobs/outbox-sweep.ts, on any replica) delivers whatever that left: Slack down, a crash, a SIGTERM.
import type { Db } from "../../db/client.js";
import {
  claimEffect,
  dueEffectIds,
  effectsOf,
  type OutboxEffect,
  pendingEffectCount,
  retryEffectLater,
  settleEffect,
} from "../../db/outbox.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { Metrics } from "../../lib/metrics.js";
import { retryAfterMsOf } from "../../lib/retry-after.js";
import type { AnnouncementDelivery, EffectLedger } from "../ports.js";
import { isIdempotent } from "./effects.js";

/** Delivers one kind of effect: a refusal for good comes back `ok: false`; what a later try may fix is thrown. */
export type EffectHandler = (effect: OutboxEffect) => Promise<AnnouncementDelivery & { ts?: string }>;

/** What a kind records of its post besides the effect's row (a lead keeps its announcement's ts, for erasure). */
export type EffectRecorder = (effect: OutboxEffect, ts: string) => Promise<void>;

export interface OutboxDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  ledger: EffectLedger;
  handlers: Record<string, EffectHandler>;
  /** Run for a post found in the channel after a crash, as its handler would have run after posting. */
  recorders?: Record<string, EffectRecorder>;
  metrics?: Pick<Metrics, "outboxDepth" | "outboxDeliverySeconds" | "outboxRetries" | "outboxDeadLetters">;
  /** How long one delivery holds an effect: past it, another replica may take over (after looking in the channel). */
  leaseMs?: number;
}

const LEASE_MS = 60_000;
/** Tries before an effect is dead-lettered: with the backoff below, about two hours of Slack being unreachable. */
export const MAX_ATTEMPTS = 8;
const SWEEP_BATCH = 100;

const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000);

export type EffectOutcome = AnnouncementDelivery & { status: "delivered" | "refused" | "pending" | "dead" };

export class Outbox {
  constructor(private readonly deps: OutboxDeps) {}

  /**
   * Delivers the effects a decision wrote for this subject, now, and says how each went. One still pending
   * (Slack did not answer, or another replica holds it) is left to the sweeper, and says `queued`.
   */
  async deliverFor(teamId: string, kind: string, subjectId: string): Promise<EffectOutcome[]> {
    const effects = await effectsOf(this.deps.db, teamId, kind, subjectId);
    const pending = effects.filter((effect) => effect.status === "pending");
    const statuses: (EffectOutcome["status"] | null)[] = [];
    // The rows just read are claimed as they are (no second read before the post: what the person waits for).
    for (const effect of pending) statuses.push(await this.deliver(effect.id, effect));
    if (statuses.every((status) => status === "delivered")) return effects.map((effect) => outcomeOf({ ...effect, status: "delivered" }));
    // Read back as settled: by this delivery, or by another process that held an effect meanwhile.
    return (await effectsOf(this.deps.db, teamId, kind, subjectId)).map(outcomeOf);
  }

  /** The sweeper: every due effect nobody holds, oldest first. Returns how many it delivered. */
  async deliverDue(): Promise<number> {
    // In random order: replicas sweeping the same due batch then mostly take different effects, not race for each.
    const ids = shuffled(await dueEffectIds(this.deps.db, this.deps.clock.now(), SWEEP_BATCH));
    let delivered = 0;
    for (const id of ids) if ((await this.deliver(id)) === "delivered") delivered += 1;
    this.deps.metrics?.outboxDepth.set(await pendingEffectCount(this.deps.db));
    return delivered;
  }

  /** Claims the effect and delivers it once; null when another process holds it or it is settled. */
  private async deliver(id: string, known?: OutboxEffect): Promise<EffectOutcome["status"] | null> {
    const now = this.deps.clock.now();
    const lease = new Date(now.getTime() + (this.deps.leaseMs ?? LEASE_MS));
    const effect = await claimEffect(this.deps.db, id, now, lease, known);
    if (!effect) return null;
    const attempt = effect.attempts + 1;
    const log = this.deps.logger.child({ effectId: effect.id, kind: effect.kind, teamId: effect.teamId });
    try {
      if (effect.attempts > 0 && !isIdempotent(effect.kind)) {
        // An earlier try may have posted before it failed or died: look before posting again.
        const found = await this.deps.ledger.findEffect(effect.teamId, effect.channelId, effect.id, effect.createdAt);
        if (found.found === true) {
          await this.deps.recorders?.[effect.kind]?.(effect, found.ts);
          return this.settle(effect, lease, { status: "delivered", messageTs: found.ts });
        }
        if (found.found === "unknown") throw new Error("cannot read the channel to check for an earlier post");
      }
      const handler = this.deps.handlers[effect.kind];
      if (!handler) return this.settle(effect, lease, { status: "dead", error: `no handler for ${effect.kind}` });
      const delivery = await handler(effect);
      if (delivery.ok) return this.settle(effect, lease, { status: "delivered", messageTs: delivery.ts ?? null });
      return this.settle(effect, lease, { status: "refused", error: delivery.error });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Rate-limited: due again when Slack said, and never dead-lettered for it (Slack is up, only busy).
      const wait = retryAfterMsOf(error);
      if (wait !== undefined) {
        this.deps.metrics?.outboxRetries.inc();
        log.warn({ attempts: attempt, retryAfterMs: wait }, "outbox effect rate-limited by Slack; retried after its Retry-After");
        await retryEffectLater(this.deps.db, effect.id, lease, reason.slice(0, 500), new Date(this.deps.clock.now().getTime() + wait));
        return "pending";
      }
      if (attempt >= MAX_ATTEMPTS) {
        this.deps.metrics?.outboxDeadLetters.inc();
        log.error({ err: error, attempts: attempt }, "outbox effect dead-lettered: Slack never took it");
        return this.settle(effect, lease, { status: "dead", error: reason.slice(0, 500) });
      }
      this.deps.metrics?.outboxRetries.inc();
      log.warn({ err: error, attempts: attempt }, "outbox effect not delivered; will retry");
      await retryEffectLater(
        this.deps.db,
        effect.id,
        lease,
        reason.slice(0, 500),
        new Date(this.deps.clock.now().getTime() + backoffMs(attempt)),
      );
      return "pending";
    }
  }

  private async settle(
    effect: OutboxEffect,
    lease: Date,
    settlement: { status: "delivered" | "refused" | "dead"; messageTs?: string | null; error?: string },
  ): Promise<EffectOutcome["status"]> {
    const at = this.deps.clock.now();
    await settleEffect(this.deps.db, effect.id, lease, settlement, at);
    if (settlement.status === "delivered")
      this.deps.metrics?.outboxDeliverySeconds.observe((at.getTime() - effect.createdAt.getTime()) / 1000);
    return settlement.status;
  }
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

function outcomeOf(effect: OutboxEffect): EffectOutcome {
  if (effect.status === "delivered") return { channelId: effect.channelId, ok: true, status: "delivered" };
  if (effect.status === "refused" || effect.status === "dead")
    return { channelId: effect.channelId, ok: false, error: effect.lastError ?? "unknown_error", status: effect.status };
  return { channelId: effect.channelId, ok: false, error: "queued", status: "pending" };
}

// The transactional outbox's delivery: the process that made a decision delivers its effects at once, and the
// sweeper (src/jobs/outbox-sweep.ts, on any replica) delivers whatever that left: Slack down, a crash, a SIGTERM.
import type { CampaignWithSegment } from "../../db/campaigns.js";
import type { Db } from "../../db/client.js";
import {
  claimEffect,
  dueEffectIds,
  type OutboxEffect,
  pendingEffectCount,
  releaseEffects,
  retryEffectLater,
  type Settlement,
  settleEffect,
  type WrittenEffect,
} from "../../db/outbox.js";
import type { PlaybookChange } from "../../db/playbook.js";
import type { Clock } from "../../lib/clock.js";
import type { InFlight } from "../../lib/in-flight.js";
import type { Logger } from "../../lib/logger.js";
import type { Metrics } from "../../lib/metrics.js";
import { retryAfterMsOf } from "../../lib/retry-after.js";
import type { AnnouncementDelivery, EffectLedger, HandoffCard } from "../ports.js";
import { isIdempotent } from "./effects.js";

/**
 * What the deciding process already holds of an effect's subject, drawn from the rows its transaction returned, so
 * its handler need not read them again (the sweeper, having none, reads them).
 */
export interface DrawnSubject {
  card?: HandoffCard;
  /** A campaign just created, and the workspace's time zone it is shown in. */
  campaign?: { row: CampaignWithSegment; timezone: string };
  /** A playbook change just recorded. */
  change?: PlaybookChange;
}

/** Delivers one kind of effect: a refusal for good comes back `ok: false`; what a later try may fix is thrown. */
export type EffectHandler = (effect: OutboxEffect, drawn?: DrawnSubject) => Promise<AnnouncementDelivery & { ts?: string }>;

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
  /** Shutdown and idle() wait for settles left running after the Slack call, as for a listener still working. */
  inFlight?: Pick<InFlight, "track">;
  /** Told of each dead letter once it is settled (the admins' report); never throws. */
  onDeadLetter?: (effect: OutboxEffect) => Promise<unknown>;
}

const LEASE_MS = 60_000;
/** Tries before an effect is dead-lettered: with the backoff below, about two hours of Slack being unreachable. */
export const MAX_ATTEMPTS = 8;
const SWEEP_BATCH = 100;

const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 30 * 60_000);

export type EffectOutcome = AnnouncementDelivery & { status: "delivered" | "refused" | "pending" | "dead" };

/** How one try went: settled (with Slack's reason for a refusal), or pending for a later try. */
type RunOutcome = { status: EffectOutcome["status"]; lastError: string | null };
const PENDING: RunOutcome = { status: "pending", lastError: null };

/** After the Slack call: awaited by the sweeper; left running for the writer (not what the person waits for). */
type Later = (work: () => Promise<unknown>) => Promise<void>;

export class Outbox {
  private lastLease = 0;
  private readonly settling = new Set<Promise<unknown>>();

  constructor(private readonly deps: OutboxDeps) {}

  /**
   * The claim a writer takes on the effects it writes (see WriteOptions.claimedUntil): one lease from now, later
   * than any this process gave before, so two writes of one row never hold the same lease.
   */
  leaseFrom(at: Date): Date {
    this.lastLease = Math.max(at.getTime() + (this.deps.leaseMs ?? LEASE_MS), this.lastLease + 1);
    return new Date(this.lastLease);
  }

  /**
   * Delivers the effects this process just wrote, in order, as its transaction returned them: those it wrote
   * claimed with no read and no claim, settling each after its Slack call without waiting. A row the write did not
   * claim (written before: a repeat) is claimed now if it is still due and nobody holds it, else says how it
   * stands. `drawn`: what the decision already holds of the subject, for the handlers.
   */
  async deliverWritten(written: WrittenEffect[], drawn?: DrawnSubject): Promise<EffectOutcome[]> {
    const outcomes: EffectOutcome[] = [];
    for (const { effect, claimed } of written) {
      if (!claimed || !effect.claimedUntil) {
        outcomes.push(await this.deliverUnclaimed(effect, drawn));
        continue;
      }
      // An earlier effect's Slack call took longer than the lease: the sweeper may have this one by now.
      if (this.deps.clock.now() >= effect.claimedUntil) {
        outcomes.push(outcomeOf({ ...effect, status: "pending" }));
        continue;
      }
      // Written with its first attempt counted: as a claim, it is the row before it.
      const before = { ...effect, attempts: effect.attempts - 1 };
      outcomes.push(outcomeOf({ ...effect, ...(await this.run(before, effect.claimedUntil, this.later, drawn)) }));
    }
    return outcomes;
  }

  /** Gives back effects written claimed that this process will not deliver now: the next sweep delivers them. */
  async release(written: WrittenEffect[]): Promise<void> {
    const claimed = written.filter((w) => w.claimed && w.effect.claimedUntil);
    const lease = claimed[0]?.effect.claimedUntil;
    if (lease)
      await releaseEffects(
        this.deps.db,
        claimed.map((w) => w.effect.id),
        lease,
      );
  }

  /** Resolves once every settle left running after a Slack call has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.settling.size > 0) await Promise.allSettled([...this.settling]);
  }

  /** The sweeper: every due effect nobody holds, oldest first. Returns how many it delivered. */
  async deliverDue(): Promise<number> {
    // In random order: replicas sweeping the same due batch then mostly take different effects, not race for each.
    const ids = shuffled(await dueEffectIds(this.deps.db, this.deps.clock.now(), SWEEP_BATCH));
    let delivered = 0;
    for (const id of ids) if ((await this.deliver(id))?.status === "delivered") delivered += 1;
    this.deps.metrics?.outboxDepth.set(await pendingEffectCount(this.deps.db));
    return delivered;
  }

  /** Claims the effect and delivers it once; null when another process holds it or it is settled. */
  private async deliver(id: string, known?: OutboxEffect, drawn?: DrawnSubject): Promise<RunOutcome | null> {
    const now = this.deps.clock.now();
    const lease = new Date(now.getTime() + (this.deps.leaseMs ?? LEASE_MS));
    const effect = await claimEffect(this.deps.db, id, now, lease, known);
    if (!effect) return null;
    return this.run(effect, lease, (work) => work().then(() => undefined), drawn);
  }

  /** A row written before (by an earlier try of the same decision): delivered now if it is due and nobody holds it. */
  private async deliverUnclaimed(effect: OutboxEffect, drawn?: DrawnSubject): Promise<EffectOutcome> {
    const now = this.deps.clock.now();
    const held = effect.claimedUntil !== null && effect.claimedUntil >= now;
    if (effect.status !== "pending" || held || effect.dueAt > now) return outcomeOf(effect);
    // Null: taken meanwhile by a sweeper, which delivers it.
    return outcomeOf({ ...effect, ...((await this.deliver(effect.id, effect, drawn)) ?? PENDING) });
  }

  private readonly later: Later = async (work) => {
    const running = work().catch((error: unknown) =>
      this.deps.logger.error({ err: error }, "could not record an outbox effect's delivery; the sweeper will settle it"),
    );
    this.settling.add(running);
    void running.finally(() => this.settling.delete(running));
    this.deps.inFlight?.track(running);
  };

  /**
   * Delivers an effect this process holds until `lease` (`effect`: the row as it was before the claim, so an
   * earlier claim that lapsed unsettled shows as attempts > 0), then records how it went through `after`.
   */
  private async run(effect: OutboxEffect, lease: Date, after: Later, drawn?: DrawnSubject): Promise<RunOutcome> {
    const attempt = effect.attempts + 1;
    // Made only when there is something to say: a child logger costs about as much as drawing the message.
    const log = () => this.deps.logger.child({ effectId: effect.id, kind: effect.kind, teamId: effect.teamId });
    const settle = async (settlement: Settlement): Promise<RunOutcome> => {
      await after(() => this.settle(effect, lease, settlement));
      return { status: settlement.status, lastError: settlement.error ?? null };
    };
    try {
      if (effect.attempts > 0 && !isIdempotent(effect.kind)) {
        // An earlier try may have posted before it failed or died: look before posting again.
        const found = await this.deps.ledger.findEffect(effect.teamId, effect.channelId, effect.id, effect.createdAt);
        if (found.found === true) {
          await this.deps.recorders?.[effect.kind]?.(effect, found.ts);
          return settle({ status: "delivered", messageTs: found.ts });
        }
        if (found.found === "unknown") throw new Error("cannot read the channel to check for an earlier post");
      }
      const handler = this.deps.handlers[effect.kind];
      if (!handler) {
        log().error({ attempts: attempt }, "outbox effect dead-lettered: no handler for its kind");
        return settle({ status: "dead", error: `no handler for ${effect.kind}` });
      }
      const delivery = await handler(effect, drawn);
      if (delivery.ok) return settle({ status: "delivered", messageTs: delivery.ts ?? null });
      return settle({ status: "refused", error: delivery.error });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Rate-limited: due again when Slack said, and never dead-lettered for it (Slack is up, only busy).
      const wait = retryAfterMsOf(error);
      if (wait !== undefined) {
        this.deps.metrics?.outboxRetries.inc();
        log().warn({ attempts: attempt, retryAfterMs: wait }, "outbox effect rate-limited by Slack; retried after its Retry-After");
        const dueAt = new Date(this.deps.clock.now().getTime() + wait);
        await after(() => retryEffectLater(this.deps.db, effect.id, lease, reason.slice(0, 500), dueAt));
        return PENDING;
      }
      if (attempt >= MAX_ATTEMPTS) {
        log().error({ err: error, attempts: attempt }, "outbox effect dead-lettered: Slack never took it");
        return settle({ status: "dead", error: reason.slice(0, 500) });
      }
      this.deps.metrics?.outboxRetries.inc();
      log().warn({ err: error, attempts: attempt }, "outbox effect not delivered; will retry");
      const dueAt = new Date(this.deps.clock.now().getTime() + backoffMs(attempt));
      await after(() => retryEffectLater(this.deps.db, effect.id, lease, reason.slice(0, 500), dueAt));
      return PENDING;
    }
  }

  private async settle(effect: OutboxEffect, lease: Date, settlement: Settlement): Promise<void> {
    const at = this.deps.clock.now();
    const settledNow = await settleEffect(this.deps.db, effect.id, lease, settlement, at);
    if (settlement.status === "delivered")
      this.deps.metrics?.outboxDeliverySeconds.observe((at.getTime() - effect.createdAt.getTime()) / 1000);
    if (settlement.status === "dead" && settledNow) {
      this.deps.metrics?.outboxDeadLetters.inc();
      await this.deps.onDeadLetter?.({ ...effect, status: "dead", lastError: settlement.error ?? null, settledAt: at });
    }
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

/** What deciding code uses of the outbox: a lease to write its effects claimed, then delivering what it wrote. */
export type OutboxPort = Pick<Outbox, "deliverWritten" | "leaseFrom" | "release">;

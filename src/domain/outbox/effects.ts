// The Slack effects that go through the outbox, and writing them with their decision.
import type { Tx } from "../../db/client.js";
import { enqueueEffects, type WriteOptions, type WrittenEffect } from "../../db/outbox.js";

export const EffectKinds = {
  campaignLaunched: "campaign_launched",
  playbookChanged: "playbook_changed",
  leadAnnounced: "lead_announced",
  /** The handoff card in the sales channel; its ts is stored on the handoff. */
  handoffCard: "handoff_card",
  /** The card (and the DMs about it) redrawn from the handoff as it is when delivered: re-armed by every change. */
  handoffCardUpdate: "handoff_card_update",
  /** Thread replies under the card: accepted, rejected, reassigned after a breach, the escalation. */
  handoffAccepted: "handoff_accepted",
  handoffRejected: "handoff_rejected",
  handoffRejectedToMarketing: "handoff_rejected_marketing",
  handoffReassignedInThread: "handoff_reassigned_thread",
  slaEscalation: "sla_escalation",
  /** DMs to the rep who should answer (channel: the user), or the reminder in the thread when nobody is. */
  handoffAssignedDm: "handoff_assigned_dm",
  slaReminder: "sla_reminder",
  /** A deal marked won, told to the marketing channel. */
  dealWon: "deal_won",
} as const;
export type EffectKind = (typeof EffectKinds)[keyof typeof EffectKinds];

/** Effects delivered with chat.update: doing one twice shows the same, so a retry needs no look in the channel. */
const IDEMPOTENT = new Set<string>([EffectKinds.handoffCardUpdate]);
export const isIdempotent = (kind: string) => IDEMPOTENT.has(kind);

/**
 * The subject of an effect that may happen again for the same handoff (an assignment DM, a reminder after a
 * reassignment): the handoff's id and when it was decided, so each is its own row.
 */
export const subjectAt = (handoffId: string, at: Date) => `${handoffId}@${at.getTime()}`;
export const handoffIdOf = (subjectId: string) => subjectId.split("@")[0] ?? subjectId;

export interface HandoffEffect {
  kind: EffectKind;
  channelId: string;
  /** For an effect that may recur: its own subject (subjectAt); else the handoff's id. */
  subjectId?: string;
}

/**
 * Writes a handoff's effects in the decision's transaction (claimed until `claimedUntil` when given: the writer
 * delivers them itself); a card update is re-armed if an earlier one settled. Returns them in the order given.
 */
export function enqueueHandoffEffects(
  tx: Tx,
  teamId: string,
  handoffId: string,
  effects: HandoffEffect[],
  at: Date,
  claimedUntil?: Date,
): Promise<WrittenEffect[]> {
  const rows = effects.map((e) => ({
    teamId,
    kind: e.kind,
    subjectId: e.subjectId ?? handoffId,
    channelId: e.channelId,
    rearm: isIdempotent(e.kind),
  }));
  return enqueueEffects(tx, rows, at, claimedUntil ? { claimedUntil } : {});
}

/** A card update for the handoff; channel: the card's (one row per handoff, re-armed). */
export const cardUpdate = (channelId: string): HandoffEffect => ({ kind: EffectKinds.handoffCardUpdate, channelId });

/** Writes one announcement per channel (a channel named twice, or not set, gets one or none) in `tx`; claimed as WriteOptions says. */
export function enqueueAnnouncements(
  tx: Tx,
  effect: { teamId: string; kind: EffectKind; subjectId: string; channels: (string | null | undefined)[] },
  at: Date,
  options: WriteOptions = {},
): Promise<WrittenEffect[]> {
  const channels = [...new Set(effect.channels.filter((c): c is string => Boolean(c)))];
  return enqueueEffects(
    tx,
    channels.map((channelId) => ({ teamId: effect.teamId, kind: effect.kind, subjectId: effect.subjectId, channelId })),
    at,
    options,
  );
}

// How a handoff's outbox effects are delivered: each message is drawn from the handoff as it is at delivery (so an
// erased lead is shown anonymised, a decided one as decided), and one that no longer applies is dropped.
import type { Db } from "../../db/client.js";
import { addNoticeRef, rememberDm, storeCardRef } from "../../db/handoffs.js";
import { findLead } from "../../db/leads.js";
import type { OutboxEffect } from "../../db/outbox.js";
import type { Clock } from "../../lib/clock.js";
import { isAppError } from "../../lib/errors.js";
import type { Logger } from "../../lib/logger.js";
import { loadHandoffCard } from "../handoffs/handoff-card.js";
import { winNoticeOf } from "../handoffs/win-notice.js";
import type { AnnouncementDelivery, AssignedBy, HandoffCard, HandoffNotifier, MessageRef } from "../ports.js";
import { responseClockFor } from "../sla/response-clock.js";
import { teamMention } from "../sla/team-mention.js";
import { EffectKinds, handoffIdOf } from "./effects.js";
import type { DrawnSubject, EffectHandler } from "./outbox.js";

export interface HandoffHandlerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  notifier: HandoffNotifier;
}

type Delivery = AnnouncementDelivery & { ts?: string };

/** The parts after the handoff's id in a recurring effect's subject: `<handoff>@<ms>@<who>`. */
const detailOf = (subjectId: string) => subjectId.split("@")[2] || null;

/**
 * Slack refusing for good settles the effect as refused, with the sentence a person can act on (the hand-off tells
 * the marketer); anything else is thrown, for a later try.
 */
async function delivered(channelId: string, send: () => Promise<unknown>): Promise<Delivery> {
  try {
    const ref = (await send()) as MessageRef | null | undefined;
    return ref?.ts ? { channelId, ok: true, ts: ref.ts } : { channelId, ok: true };
  } catch (error) {
    if (isAppError(error) && error.code === "not_configured") return { channelId, ok: false, error: error.message };
    throw error;
  }
}

const dropped = (channelId: string, why: string): Delivery => ({ channelId, ok: false, error: why });

export function handoffHandlers(deps: HandoffHandlerDeps): Record<string, EffectHandler> {
  // The card the deciding process drew from its transaction's rows, when it delivers; else read as it is now.
  const cardOf = async (effect: OutboxEffect, drawn?: DrawnSubject): Promise<HandoffCard | null> => {
    const handoffId = handoffIdOf(effect.subjectId);
    if (drawn?.card?.handoffId === handoffId && drawn.card.teamId === effect.teamId) return drawn.card;
    return loadHandoffCard(deps.db, effect.teamId, handoffId).catch(() => null);
  };
  const { notifier } = deps;
  const dmFor = async (card: HandoffCard, send: () => Promise<MessageRef | null>) => {
    const ref = await send();
    if (ref?.ts) await rememberDm(deps.db, card.teamId, card.handoffId, ref);
    return ref;
  };
  // A rejection quoting its note is also kept on the handoff (as before its notices had outbox rows): erasure reads both.
  const noticeFor = async (card: HandoffCard, send: () => Promise<MessageRef>) => {
    const ref = await send();
    if (ref.ts && card.rejectNote) await addNoticeRef(deps.db, card.teamId, card.handoffId, ref);
    return ref;
  };

  return {
    [EffectKinds.handoffCard]: async (effect) => {
      const card = await cardOf(effect);
      if (!card) return dropped(effect.channelId, "subject_deleted");
      // A click on the card stored it first: it is in Slack already.
      if (card.messageTs) return { channelId: effect.channelId, ok: true, ts: card.messageTs };
      return delivered(effect.channelId, async () => {
        const ref = await notifier.postCard(card, effect.id);
        await storeCardRef(deps.db, card.teamId, card.handoffId, ref);
        const now = await loadHandoffCard(deps.db, card.teamId, card.handoffId);
        // A click on another copy (an earlier post Baton never heard back about) stored that one first.
        if (now.messageTs !== ref.ts) await notifier.pointToCard(now, ref);
        // Decided before Slack answered (from a DM, naming no card): the card shows it now.
        else if (now.status !== "pending" || now.lead.erased) await notifier.refreshCard(now);
        return ref;
      });
    },
    [EffectKinds.handoffCardUpdate]: async (effect, drawn) => {
      const card = await cardOf(effect, drawn);
      if (!card) return dropped(effect.channelId, "subject_deleted");
      // No card yet: its post draws the current state.
      return delivered(effect.channelId, () => notifier.refreshCard(card));
    },
    [EffectKinds.handoffAccepted]: async (effect, drawn) => {
      const card = await cardOf(effect, drawn);
      if (card?.status !== "accepted") return dropped(effect.channelId, "no_longer_applies");
      return delivered(effect.channelId, () => notifier.accepted(card, effect.id));
    },
    [EffectKinds.handoffRejected]: async (effect, drawn) => {
      const card = await cardOf(effect, drawn);
      if (card?.status !== "rejected") return dropped(effect.channelId, "no_longer_applies");
      return delivered(effect.channelId, () => noticeFor(card, () => notifier.rejected(card, effect.id)));
    },
    [EffectKinds.handoffRejectedToMarketing]: async (effect, drawn) => {
      const card = await cardOf(effect, drawn);
      if (card?.status !== "rejected") return dropped(effect.channelId, "no_longer_applies");
      return delivered(effect.channelId, () => noticeFor(card, () => notifier.rejectedToMarketing(card, effect.channelId, effect.id)));
    },
    [EffectKinds.handoffAssignedDm]: async (effect) => {
      const card = await cardOf(effect);
      // Decided or given to someone else before this DM went out: it would only mislead.
      if (card?.status !== "pending" || card.assigneeId !== effect.channelId) return dropped(effect.channelId, "no_longer_applies");
      const who = detailOf(effect.subjectId);
      const by: AssignedBy =
        who === "rotation" || who === "sla" || !who ? { kind: who === "sla" ? "sla" : "rotation" } : { kind: "person", userId: who };
      return delivered(effect.channelId, async () => {
        const clock = await responseClockFor(deps, card.teamId, card.answerBy);
        return dmFor(card, () => notifier.assigned(card, by, null, clock, effect.id));
      });
    },
    [EffectKinds.handoffReassignedInThread]: async (effect) => {
      const card = await cardOf(effect);
      if (card?.status !== "pending") return dropped(effect.channelId, "no_longer_applies");
      return delivered(effect.channelId, () => notifier.reassignedInThread(card, detailOf(effect.subjectId), effect.id));
    },
    [EffectKinds.slaReminder]: async (effect) => {
      const card = await cardOf(effect);
      const to = card?.assigneeId ?? card?.channelId;
      if (card?.status !== "pending" || to !== effect.channelId) return dropped(effect.channelId, "no_longer_applies");
      return delivered(effect.channelId, async () => {
        const clock = await responseClockFor(deps, card.teamId, card.answerBy);
        return dmFor(card, () => notifier.reminder(card, clock, effect.id));
      });
    },
    [EffectKinds.dealWon]: async (effect) => {
      const lead = await findLead(deps.db, effect.teamId, effect.subjectId);
      if (lead?.stage !== "won") return dropped(effect.channelId, "no_longer_applies");
      const win = await winNoticeOf(deps.db, lead, effect.channelId);
      if (!win) return dropped(effect.channelId, "no_longer_applies");
      return delivered(effect.channelId, () => notifier.won(win, effect.id));
    },
    [EffectKinds.slaEscalation]: async (effect) => {
      const card = await cardOf(effect);
      if (card?.status !== "pending") return dropped(effect.channelId, "no_longer_applies");
      return delivered(effect.channelId, async () => notifier.escalation(card, await teamMention(deps.db, card.teamId), effect.id));
    },
  };
}

/** A retry found the card an earlier try posted (before a crash): it becomes the card on record. */
export function handoffOnFound(deps: Pick<HandoffHandlerDeps, "db">): Record<string, (effect: OutboxEffect, ts: string) => Promise<void>> {
  return {
    [EffectKinds.handoffCard]: async (effect, ts) => {
      await storeCardRef(deps.db, effect.teamId, handoffIdOf(effect.subjectId), { channelId: effect.channelId, ts });
    },
  };
}

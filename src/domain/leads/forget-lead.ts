import { setTimeout as sleep } from "node:timers/promises";
import { eraseLeadData, handoffsOfLead } from "../../db/erasure.js";
import type { Handoff } from "../../db/handoffs.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { exportFileIds, forgetExportFiles } from "../../db/lead-exports.js";
import { findLead, type Lead } from "../../db/leads.js";
import { effectsInFlight } from "../../db/outbox.js";
import { postedEffects } from "../../db/outbox-posts.js";
import { AppError } from "../../lib/errors.js";
import { cardOf } from "../handoffs/handoff-card.js";
import { REJECT_REASON_KEYS } from "../handoffs/reasons.js";
import { winNoticeOf } from "../handoffs/win-notice.js";
import { EffectKinds, handoffIdOf } from "../outbox/effects.js";
import type { ErasedMessage, HandoffCard, MessageRef, TeamMention } from "../ports.js";
import { teamMention } from "../sla/team-mention.js";
import type { LeadDeps } from "./deps.js";
import { searchKeyOf } from "./search-key.js";

export interface Forgotten {
  /** Handoff cards, notices and announcements anonymised in Slack, and those Slack refused. */
  messagesUpdated: number;
  messagesFailed: number;
  /** Export files deleted from Slack (any export may have held the person). */
  filesDeleted: number;
}

/**
 * `/lead forget`: an admin erases a person's personal data everywhere Baton keeps it (see eraseLeadData), records
 * who did, and anonymises every Slack message that named them (handoff cards, DMs, notices, the win, announcements).
 * The lead row stays for anonymous funnel counts. Final.
 */
export async function forgetLead(deps: LeadDeps, teamId: string, leadId: string, actorId: string): Promise<Forgotten> {
  await deps.roles.requireAdmin(teamId, actorId, "erase a lead's personal data");
  const lead = await findLead(deps.db, teamId, leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  if (lead.erasedAt) throw new AppError("conflict", "This lead's personal data was already erased.");
  const at = deps.clock.now();
  const personal = [lead.email, lead.emailKey, lead.name, lead.phone].filter((v): v is string => Boolean(v));
  const handoffs = await eraseLeadData(deps.db, {
    teamId,
    leadId,
    personal,
    keptReasons: [...REJECT_REASON_KEYS],
    searchKey: searchKeyOf({ company: lead.company }),
    erasedById: actorId,
    at,
    event: { actorId, type: "erased", at },
  });
  deps.logger.info({ teamId, leadId, actorId }, "lead personal data erased");
  // A message drawn before the erasure may be on its way to Slack now: once it is recorded, it is redrawn too.
  const waited = await waitForDeliveries(deps, teamId, [leadId, ...handoffs.map((h) => h.id)]);
  const now = waited
    ? { lead: (await findLead(deps.db, teamId, leadId)) ?? lead, handoffs: await handoffsOfLead(deps.db, teamId, leadId) }
    : { lead, handoffs };
  const erased = { ...now.lead, name: null, email: null, phone: null, notes: null, erasedAt: at };
  const messages = await anonymiseInSlack(deps, erased, now.handoffs);
  return { ...messages, filesDeleted: await deleteExportFiles(deps, teamId) };
}

/** How long erasure waits for deliveries in flight: longer than one Slack call with its retries takes. */
const IN_FLIGHT_POLLS = 50;
const IN_FLIGHT_POLL_MS = 200;

/**
 * Waits, a bounded while, until no process holds an effect about the lead (its own, its handoffs'); true if one did.
 * A claim whose process died lapses later; the sweeper then draws its message from the erased lead.
 */
async function waitForDeliveries(deps: LeadDeps, teamId: string, subjectIds: string[]): Promise<boolean> {
  for (let poll = 0; poll < IN_FLIGHT_POLLS; poll++) {
    if ((await effectsInFlight(deps.db, teamId, subjectIds, deps.clock.now())) === 0) return poll > 0;
    await sleep(IN_FLIGHT_POLL_MS);
  }
  deps.logger.warn({ teamId }, "erasure went on while a message about the lead was still held for delivery");
  return true;
}

/** Redraws every message that named the erased lead; says how many Slack took and how many it refused. */
async function anonymiseInSlack(
  deps: LeadDeps,
  erased: Lead,
  handoffs: Handoff[],
): Promise<Pick<Forgotten, "messagesUpdated" | "messagesFailed">> {
  const { teamId, id: leadId } = erased;
  const campaign = await campaignName(deps.db, teamId, erased.campaignId);
  const cards = handoffs.map((handoff) => cardOf({ ...handoff, rejectNote: null }, erased, campaign));
  let messagesUpdated = 0;
  let messagesFailed = 0;
  const redraw = async (what: string, send: () => Promise<void>) => {
    try {
      await send();
      messagesUpdated += 1;
    } catch (error) {
      deps.logger.warn({ err: error, teamId, leadId }, `could not anonymise ${what}`);
      messagesFailed += 1;
    }
  };
  // The cards first (each redraws the DMs about it): what most people look at.
  for (const card of cards.filter((c) => c.messageTs)) await redraw("a handoff card", () => deps.notifier.refreshCard(card));
  for (const message of await erasedMessages(deps, erased, cards, handoffs))
    await redraw(`a ${message.notice} message`, () => deps.notifier.redrawErased(teamId, message));
  return { messagesUpdated, messagesFailed };
}

/** Outbox effects whose post named the lead (DMs are redrawn with their card), and what each becomes once erased. */
const NOTICES: Record<string, "accepted" | "rejected" | "rejectedToMarketing" | "escalation"> = {
  [EffectKinds.handoffAccepted]: "accepted",
  [EffectKinds.handoffRejected]: "rejected",
  [EffectKinds.handoffRejectedToMarketing]: "rejectedToMarketing",
  [EffectKinds.slaEscalation]: "escalation",
};

/**
 * Every message that named the erased lead or quoted a note about them, besides the cards and DMs: the handoffs'
 * notices and the win as their outbox rows recorded them, the rejections remembered on the handoff (from before
 * those had rows), and the lead's announcements. Each once.
 */
async function erasedMessages(deps: LeadDeps, lead: Lead, cards: HandoffCard[], handoffs: Handoff[]): Promise<ErasedMessage[]> {
  const { teamId } = lead;
  const byHandoff = new Map(cards.map((card) => [card.handoffId, card]));
  const posted = await postedEffects(deps.db, teamId, [...Object.keys(NOTICES), EffectKinds.dealWon], [...byHandoff.keys(), lead.id]);
  let team: TeamMention | undefined;
  const messages: ErasedMessage[] = [];
  for (const effect of posted) {
    const ref = { channelId: effect.channelId, ts: effect.messageTs };
    const notice = NOTICES[effect.kind];
    const card = byHandoff.get(handoffIdOf(effect.subjectId));
    if (effect.kind === EffectKinds.dealWon) {
      const win = await winNoticeOf(deps.db, lead, effect.channelId);
      messages.push(win ? { ref, notice: "won", win } : { ref, notice: "redacted" });
    } else if (!notice || !card) messages.push({ ref, notice: "redacted" });
    else if (notice === "escalation") {
      team ??= await teamMention(deps.db, teamId);
      messages.push({ ref, notice, card, team });
    } else messages.push({ ref, notice, card });
  }
  for (const handoff of handoffs) {
    const card = byHandoff.get(handoff.id);
    for (const ref of asRefs(handoff.noticeRefs)) {
      if (!card?.rejectReason) messages.push({ ref, notice: "redacted" });
      else messages.push({ ref, notice: ref.channelId === card.channelId ? "rejected" : "rejectedToMarketing", card });
    }
  }
  for (const ref of asRefs(lead.messageRefs)) messages.push({ ref, notice: "redacted" });
  const seen = new Set<string>();
  return messages.filter(({ ref }) => {
    const key = `${ref.channelId} ${ref.ts}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every export file still in Slack goes: Baton cannot tell which held the person without reading them back. */
async function deleteExportFiles(deps: LeadDeps, teamId: string): Promise<number> {
  const fileIds = await exportFileIds(deps.db, teamId);
  if (fileIds.length === 0) return 0;
  const deleted = await deps.leadExports.deleteFiles(teamId, fileIds).catch((error: unknown) => {
    deps.logger.warn({ err: error, teamId }, "could not delete export files");
    return 0;
  });
  if (deleted === fileIds.length) await forgetExportFiles(deps.db, teamId, fileIds);
  return deleted;
}

function asRefs(value: unknown): MessageRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is MessageRef => typeof v === "object" && v !== null && typeof v.channelId === "string" && typeof v.ts === "string",
  );
}

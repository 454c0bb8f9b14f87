import { eraseLeadData } from "../../db/erasure.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { findLead } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import { cardOf } from "../handoffs/handoff-card.js";
import { REJECT_REASON_KEYS } from "../handoffs/reasons.js";
import type { MessageRef } from "../ports.js";
import type { LeadDeps } from "./deps.js";
import { searchKeyOf } from "./search-key.js";

export interface Forgotten {
  /** Handoff cards (and notices quoting notes) anonymised in Slack, and those Slack refused. */
  messagesUpdated: number;
  messagesFailed: number;
}

/**
 * `/lead forget`: an admin erases a person's personal data everywhere Baton keeps it (see eraseLeadData), records
 * who did, and anonymises the handoff cards in Slack. The lead row stays for anonymous funnel counts. Final.
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
  const erased = { ...lead, name: null, email: null, phone: null, notes: null, erasedAt: at };
  const campaign = await campaignName(deps.db, teamId, lead.campaignId);
  let messagesUpdated = 0;
  let messagesFailed = 0;
  for (const handoff of handoffs.filter((h) => h.messageTs)) {
    const refs = asRefs(handoff.noticeRefs);
    try {
      await deps.notifier.refreshCard(cardOf({ ...handoff, rejectNote: null }, erased, campaign));
      if (refs.length > 0) await deps.notifier.redactNotices(teamId, refs);
      messagesUpdated += 1 + refs.length;
    } catch (error) {
      deps.logger.warn({ err: error, teamId, handoffId: handoff.id }, "could not anonymise a handoff card");
      messagesFailed += 1;
    }
  }
  return { messagesUpdated, messagesFailed };
}

function asRefs(value: unknown): MessageRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is MessageRef => typeof v === "object" && v !== null && typeof v.channelId === "string" && typeof v.ts === "string",
  );
}

import type { Db } from "../../db/client.js";
import { dmRefsOf, findHandoff, type Handoff } from "../../db/handoffs.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { findLead, type Lead } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { HandoffCard } from "../ports.js";

/** What the card shows for a handoff and its lead. */
export function cardOf(handoff: Handoff, lead: Lead, campaign: string | null): HandoffCard {
  return {
    handoffId: handoff.id,
    teamId: handoff.teamId,
    status: handoff.status,
    lead: {
      id: lead.id,
      name: lead.name,
      email: lead.email,
      phone: lead.phone,
      company: lead.company,
      title: lead.title,
      fitGrade: lead.fitGrade,
      notes: lead.notes,
      erased: lead.erasedAt !== null,
    },
    campaignName: campaign,
    handedOffById: handoff.handedOffById,
    handedOffAt: handoff.handedOffAt,
    assigneeId: handoff.assigneeId,
    slaDueAt: handoff.slaDueAt,
    answerBy: handoff.assigneeDueAt ?? handoff.slaDueAt,
    breachedAt: handoff.breachedAt,
    decidedById: handoff.decidedById,
    decidedAt: handoff.decidedAt,
    rejectReason: handoff.rejectReason,
    rejectNote: handoff.rejectNote,
    channelId: handoff.channelId ?? "",
    messageTs: handoff.messageTs,
    dms: dmRefsOf(handoff),
  };
}

export async function loadHandoffCard(db: Db, teamId: string, handoffId: string): Promise<HandoffCard> {
  const handoff = await findHandoff(db, teamId, handoffId);
  if (!handoff) throw new AppError("not_found", "That handoff no longer exists.");
  const lead = await findLead(db, teamId, handoff.leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  return cardOf(handoff, lead, await campaignName(db, teamId, lead.campaignId));
}

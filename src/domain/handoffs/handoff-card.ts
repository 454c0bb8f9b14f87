import type { Db } from "../../db/client.js";
import { dmRefsOf, findHandoffToDecide, type Handoff } from "../../db/handoffs.js";
import type { Lead } from "../../db/leads.js";
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
  // One read: the handoff with its lead and the lead's campaign (the card is drawn on every decision and redraw).
  const found = await findHandoffToDecide(db, teamId, handoffId);
  if (!found) throw new AppError("not_found", "That handoff no longer exists.");
  const { lead, workspace: _salesTeam, ...handoff } = found;
  if (lead.teamId !== teamId) throw new AppError("not_found", "That lead no longer exists.");
  return cardOf(handoff, lead, lead.campaign?.teamId === teamId ? lead.campaign.name : null);
}

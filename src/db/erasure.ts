import type { Db, Tx } from "./client.js";
import type { Handoff } from "./generated/sqlite/client.js";
import type { LeadEventData } from "./leads.js";

export interface Erasure {
  teamId: string;
  leadId: string;
  /** The personal values being erased, to find them in free-text columns (webhook receipts). */
  personal: string[];
  /** Event reasons that are fixed vocabulary (not free text) and stay for the funnel. */
  keptReasons: string[];
  searchKey: string;
  erasedById: string;
  at: Date;
  event: LeadEventData;
}

const ERASED = "[erased]";

/**
 * Erases a lead's personal data in every table, in one transaction: the lead's name, email (and its key), phone,
 * notes and loss reason; free-text reasons in its history; reject notes on its handoffs; what outside sources sent
 * for it; and the values wherever a stored webhook answer quotes them. The rows stay, so the funnel still counts the lead. Returns its handoffs.
 */
export function eraseLeadData(db: Db, erasure: Erasure): Promise<Handoff[]> {
  const { teamId, leadId, at } = erasure;
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.update({
      where: { id: leadId, teamId },
      data: {
        name: null,
        email: null,
        emailKey: null,
        phone: null,
        notes: null,
        lostReason: null,
        searchKey: erasure.searchKey,
        erasedAt: at,
        erasedById: erasure.erasedById,
        updatedAt: at,
      },
    });
    // Assignment events hold the rep's user id in `reason`: not the lead's data, and kept.
    await tx.leadEvent.updateMany({
      where: { teamId, leadId, type: { notIn: ["assigned", "reassigned"] }, reason: { notIn: erasure.keptReasons } },
      data: { reason: null },
    });
    await tx.handoff.updateMany({ where: { teamId, leadId }, data: { rejectNote: null } });
    // What outside sources sent for the lead (names, phones, notes as typed): gone with the rest.
    await tx.leadSubmission.deleteMany({ where: { teamId, leadId } });
    const needles = erasure.personal.filter((value) => value.length >= 3);
    if (needles.length > 0) {
      const receipts = await tx.webhookReceipt.findMany({ where: { teamId, OR: needles.map((n) => ({ body: { contains: n } })) } });
      for (const receipt of receipts) {
        const body = needles.reduce((text, needle) => text.replace(new RegExp(escapeRegExp(needle), "gi"), ERASED), receipt.body);
        await tx.webhookReceipt.updateMany({ where: { id: receipt.id, teamId }, data: { body } });
      }
    }
    await tx.leadEvent.create({ data: { ...erasure.event, teamId, leadId, campaignId: lead.campaignId, fitGrade: lead.fitGrade } });
    return handoffsOfLead(tx, teamId, leadId);
  });
}

export function handoffsOfLead(db: Db | Tx, teamId: string, leadId: string): Promise<Handoff[]> {
  return db.handoff.findMany({ where: { teamId, leadId }, orderBy: { handedOffAt: "asc" } });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

import type { Db } from "../../db/client.js";
import { findOpenHandoff } from "../../db/handoffs.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { findLead, type Lead, recentEvents } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";

export interface LeadHistoryLine {
  type: string;
  actorId: string;
  at: Date;
  fromStage: string | null;
  toStage: string | null;
  reason: string | null;
  valueCents: number | null;
  currency: string | null;
}

/** A lead as its card shows it: fields, campaign, whether sales has it open, and its latest history. */
export interface LeadView {
  lead: Lead;
  campaignName: string | null;
  awaitingSales: boolean;
  history: LeadHistoryLine[];
  /** "headline": contact, notes and deal values left out, for a member outside sales, marketing and the admins. */
  access: "full" | "headline";
}

const HISTORY_LINES = 8;

export async function leadView(db: Db, teamId: string, leadId: string): Promise<LeadView> {
  const lead = await findLead(db, teamId, leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  const [campaign, open, events] = await Promise.all([
    campaignName(db, teamId, lead.campaignId),
    findOpenHandoff(db, teamId, leadId),
    recentEvents(db, teamId, leadId, HISTORY_LINES),
  ]);
  return { lead, campaignName: campaign, awaitingSales: open !== null, history: events, access: "full" };
}

/** What a channel card names (who, where, campaign, fit, stage): no contact, notes or deal values. */
export function headlineOnly(lead: Lead): Lead {
  return { ...lead, email: null, phone: null, notes: null, dealValueCents: null, dealCurrency: null, lostReason: null };
}

export function headlineView(view: LeadView): LeadView {
  return {
    ...view,
    lead: headlineOnly(view.lead),
    history: view.history.map((line) => ({ ...line, valueCents: null, currency: null })),
    access: "headline",
  };
}

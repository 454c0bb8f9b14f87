import { findOpenHandoff } from "../../db/handoffs.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { findLead, type Lead, recentEvents } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { ResponseClock } from "../ports.js";
import { responseClockFor } from "../sla/response-clock.js";
import type { LeadDeps } from "./deps.js";

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
  /** The handoff waiting for sales, with the clock of its current deadline, when there is one. */
  pending?: { handoffId: string; assigneeId: string | null; clock: ResponseClock | null; viewerMayAnswer: boolean };
  history: LeadHistoryLine[];
  /** "headline": contact, notes and deal values left out, for a member outside sales, marketing and the admins. */
  access: "full" | "headline";
}

const HISTORY_LINES = 8;

/** `viewerId`: who looks, to offer Accept / Reject / Assign only to someone who may answer (anyone, when not given). */
export async function leadView(
  deps: Pick<LeadDeps, "db" | "clock" | "roles">,
  teamId: string,
  leadId: string,
  viewerId?: string,
): Promise<LeadView> {
  const { db } = deps;
  const lead = await findLead(db, teamId, leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  const [campaign, open, events] = await Promise.all([
    campaignName(db, teamId, lead.campaignId),
    findOpenHandoff(db, teamId, leadId),
    recentEvents(db, teamId, leadId, HISTORY_LINES),
  ]);
  const view: LeadView = { lead, campaignName: campaign, awaitingSales: open !== null, history: events, access: "full" };
  if (open) {
    const clock = await responseClockFor(deps, teamId, open.assigneeDueAt ?? open.slaDueAt);
    const viewerMayAnswer = viewerId ? await deps.roles.isSalesRep(teamId, viewerId) : true;
    view.pending = { handoffId: open.id, assigneeId: open.assigneeId, clock, viewerMayAnswer };
  }
  return view;
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

import { type CampaignChoice, campaignChoices, campaignName } from "../../db/lead-campaigns.js";
import { findLeadByEmailKey, type Lead, searchLeads } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "./deps.js";
import { type Forgotten, forgetLead } from "./forget-lead.js";
import { emailKey, type LeadInput } from "./lead-input.js";
import { type LeadView, leadView } from "./lead-view.js";
import { type MoveDetails, moveLead } from "./move-lead.js";
import { type SavedLead, type SaveOptions, saveLead } from "./save-lead.js";
import { normaliseForSearch } from "./search-key.js";

export const FIND_LIMIT = 10;
const CAMPAIGN_CHOICES = 100;

/** Logging, finding, moving and erasing leads: the use cases behind /lead and the lead card. */
export class Leads {
  constructor(private readonly deps: LeadDeps) {}

  /** From the /lead modal: a new lead, or an update of the lead with that email (or of `leadId` when editing). */
  save(teamId: string, input: LeadInput, actorId: string, options: SaveOptions = {}): Promise<SavedLead> {
    return saveLead(this.deps, { teamId, actorId, source: "slack", lead: input, ...options });
  }

  /** The lead with this email (any case, trimmed), if any. */
  byEmail(teamId: string, email: string): Promise<Lead | null> {
    return findLeadByEmailKey(this.deps.db, teamId, emailKey(email));
  }

  async requireByEmail(teamId: string, email: string): Promise<Lead> {
    const lead = email.trim() ? await this.byEmail(teamId, email) : null;
    if (!lead)
      throw new AppError("not_found", `No lead has the email ${email.trim() || "(none given)"}. Log it first with /lead ${email.trim()}`);
    return lead;
  }

  view(teamId: string, leadId: string, viewerId?: string): Promise<LeadView> {
    return leadView(this.deps, teamId, leadId, viewerId);
  }

  campaignName(teamId: string, campaignId: string | null): Promise<string | null> {
    return campaignName(this.deps.db, teamId, campaignId);
  }

  /** `/lead find`: name, email or company containing the text, any case, at most ten, latest first. */
  async find(teamId: string, text: string): Promise<Lead[]> {
    const needle = normaliseForSearch(text);
    if (!needle) throw new AppError("invalid_input", "Say what to look for, for example `/lead find acme`.");
    return searchLeads(this.deps.db, teamId, needle, FIND_LIMIT);
  }

  /** Campaigns for the modal's source select: names containing the typed text, active first. */
  campaignChoices(teamId: string, typed: string): Promise<CampaignChoice[]> {
    const today = new Date(this.deps.clock.now().toISOString().slice(0, 10));
    return campaignChoices(this.deps.db, teamId, normaliseForSearch(typed), today, CAMPAIGN_CHOICES);
  }

  move(teamId: string, leadId: string, actorId: string, move: MoveDetails): Promise<Lead> {
    return moveLead(this.deps, { teamId, leadId, actorId, move });
  }

  forget(teamId: string, leadId: string, actorId: string): Promise<Forgotten> {
    return forgetLead(this.deps, teamId, leadId, actorId);
  }
}

export type { Lead };

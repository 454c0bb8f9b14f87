import { type CampaignChoice, campaignChoices, campaignName } from "../../db/lead-campaigns.js";
import { findLead, findLeadByEmailKey, type Lead, searchLeads } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "./deps.js";
import { type Forgotten, forgetLead } from "./forget-lead.js";
import { emailKey, type LeadInput } from "./lead-input.js";
import { headlineOnly, headlineView, type LeadView, leadView } from "./lead-view.js";
import { type MoveDetails, moveLead } from "./move-lead.js";
import { type SavedLead, type SaveOptions, saveLead } from "./save-lead.js";
import { normaliseForSearch } from "./search-key.js";

export const FIND_LIMIT = 10;
const CAMPAIGN_CHOICES = 100;

/** Logging, finding, moving and erasing leads: the use cases behind /lead and the lead card. */
export class Leads {
  constructor(private readonly deps: LeadDeps) {}

  /**
   * From the /lead modal: a new lead, or an update of the lead with that email (or of `leadId` when editing). Guests
   * log nothing; changing an existing lead takes full access to it.
   */
  async save(teamId: string, input: LeadInput, actorId: string, options: SaveOptions = {}): Promise<SavedLead> {
    await this.deps.roles.requireMember(teamId, actorId);
    const existing = options.leadId ? await findLead(this.deps.db, teamId, options.leadId) : await this.byEmail(teamId, input.email);
    if (existing) await this.deps.roles.requireFullLeadAccess(teamId, actorId, existing, "change a lead someone else logged");
    return saveLead(this.deps, { teamId, actorId, source: "slack", lead: input, ...options });
  }

  /** The lead with this email (any case, trimmed), if any: for Baton's own use, not to show anyone. */
  private byEmail(teamId: string, email: string): Promise<Lead | null> {
    return findLeadByEmailKey(this.deps.db, teamId, emailKey(email));
  }

  /** `/lead <email>`: the lead to open in the form (null when there is none), for someone who sees it in full. */
  async toEdit(teamId: string, email: string, viewerId: string): Promise<Lead | null> {
    await this.deps.roles.requireMember(teamId, viewerId);
    const lead = await this.byEmail(teamId, email);
    if (lead && !lead.erasedAt) await this.deps.roles.requireFullLeadAccess(teamId, viewerId, lead, "open a lead someone else logged");
    return lead;
  }

  /** The lead with this email, for someone who may act on it in full (hand it off, erase it). */
  async requireByEmail(teamId: string, email: string, actorId: string, doing: string): Promise<Lead> {
    await this.deps.roles.requireMember(teamId, actorId);
    const lead = email.trim() ? await this.byEmail(teamId, email) : null;
    if (!lead)
      throw new AppError("not_found", `No lead has the email ${email.trim() || "(none given)"}. Log it first with /lead ${email.trim()}`);
    await this.deps.roles.requireFullLeadAccess(teamId, actorId, lead, doing);
    return lead;
  }

  /** The lead in full, to edit it or record its deal: for the sales team, marketing, admins and its own people. */
  async forChange(teamId: string, leadId: string, actorId: string, doing: string): Promise<LeadView> {
    const view = await leadView(this.deps, teamId, leadId, actorId);
    await this.deps.roles.requireFullLeadAccess(teamId, actorId, view.lead, doing);
    return view;
  }

  /** The lead's card for this person: in full, or only its headline (no contact, notes or deal values). */
  async view(teamId: string, leadId: string, viewerId: string): Promise<LeadView> {
    const view = await leadView(this.deps, teamId, leadId, viewerId);
    const access = await this.deps.roles.leadAccess(teamId, viewerId, view.lead);
    if (access === "none") await this.deps.roles.requireMember(teamId, viewerId);
    return access === "full" ? view : headlineView(view);
  }

  campaignName(teamId: string, campaignId: string | null): Promise<string | null> {
    return campaignName(this.deps.db, teamId, campaignId);
  }

  /**
   * `/lead find`: name, email or company containing the text, any case, at most ten, latest first. Someone who does
   * not see leads in full gets their headlines only; guests get nothing.
   */
  async find(teamId: string, text: string, viewerId: string): Promise<Lead[]> {
    await this.deps.roles.requireMember(teamId, viewerId);
    const needle = normaliseForSearch(text);
    if (!needle) throw new AppError("invalid_input", "Say what to look for, for example `/lead find acme`.");
    const found = await searchLeads(this.deps.db, teamId, needle, FIND_LIMIT);
    const access = await this.deps.roles.accessToLeads(teamId, viewerId);
    return found.map((lead) => (access(lead) === "full" ? lead : headlineOnly(lead)));
  }

  /** Campaigns for the modal's source select: names containing the typed text, active first. */
  campaignChoices(teamId: string, typed: string): Promise<CampaignChoice[]> {
    const today = new Date(this.deps.clock.now().toISOString().slice(0, 10));
    return campaignChoices(this.deps.db, teamId, normaliseForSearch(typed), today, CAMPAIGN_CHOICES);
  }

  async move(teamId: string, leadId: string, actorId: string, move: MoveDetails): Promise<Lead> {
    const lead = await findLead(this.deps.db, teamId, leadId);
    if (lead) await this.deps.roles.requireFullLeadAccess(teamId, actorId, lead, "move a lead someone else logged");
    return moveLead(this.deps, { teamId, leadId, actorId, move });
  }

  forget(teamId: string, leadId: string, actorId: string): Promise<Forgotten> {
    return forgetLead(this.deps, teamId, leadId, actorId);
  }
}

export type { Lead };

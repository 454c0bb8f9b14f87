// Baton's Workflow Builder steps: each one the use case a person would run in Slack, fed from a workflow.
import { findCampaignByNameKey } from "../../db/campaigns.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { findLeadByEmailKey, type Lead } from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import { campaignNameKey } from "../campaigns/campaign-input.js";
import { handOffLead } from "../handoffs/hand-off-lead.js";
import { loadHandoffCard } from "../handoffs/handoff-card.js";
import { refreshCardSoon } from "../handoffs/handoff-effects.js";
import { type OutsideChannel, saveOutsideLead } from "../intake/save-outside-lead.js";
import { stageLabel } from "../labels.js";
import { emailKey, type LeadInput, LIMITS } from "../leads/lead-input.js";
import { type SavedLead, saveLead } from "../leads/save-lead.js";
import type { HandoffCard } from "../ports.js";
import type { WorkflowDeps } from "./deps.js";
import { emailFromStep, leadFromStep, notesFromStep, refusal, type StepInputs, textInput, userFromStep } from "./step-input.js";

/** A workflow is a source from outside the lead form: it adds to a lead that exists, never overwrites it. */
export const WORKFLOW: OutsideChannel = { channel: "workflow", label: "a workflow", leadSource: "workflow", announcedAs: "workflow" };

export interface LoggedLead {
  saved: SavedLead;
  /** Announces a new lead in the marketing channel: after the step is completed, so the workflow goes on at once. */
  announce?: () => Promise<void>;
}

export type FoundLead =
  | { found: false }
  | { found: true; leadId: string; stage: string; ownerId: string | null; campaignName: string | null };

export class WorkflowSteps {
  constructor(private readonly deps: WorkflowDeps) {}

  /**
   * "Log a lead": a new lead, or what an existing one lacks. The campaign is a campaign's name or tracking code; an
   * unknown code is kept on the lead for an admin to map, as from any outside source.
   */
  async logLead(teamId: string, inputs: StepInputs): Promise<LoggedLead> {
    const lead = { ...leadFromStep(inputs), ...(await this.campaignOf(teamId, textInput(inputs, "campaign"))) };
    let saved: SavedLead | undefined;
    const answer = await saveOutsideLead(this.deps, teamId, lead, WORKFLOW, async (s) => {
      saved = s;
    });
    if (!saved) throw refusal(Object.fromEntries(errorsOf(answer.body).map((e) => [e.field, e.message])));
    return { saved, ...(answer.afterResponse ? { announce: answer.afterResponse } : {}) };
  }

  /**
   * "Hand off a lead": the lead with that email goes to sales as from the lead card, handed off by the person the
   * workflow names. The notes are added to the lead's notes once the handoff is made, and the card shows them.
   */
  async handOff(teamId: string, inputs: StepInputs): Promise<HandoffCard> {
    const email = emailFromStep(inputs);
    const notes = notesFromStep(inputs);
    const actorId = userFromStep(inputs, "handed_off_by");
    const lead = await findLeadByEmailKey(this.deps.db, teamId, emailKey(email));
    if (!lead || lead.erasedAt) throw new AppError("not_found", `No lead has the email ${email}. Log it first (the "Log a lead" step).`);
    const withNotes = notes ? joinedNotes(lead, notes) : undefined;
    const { card } = await handOffLead(this.deps, teamId, lead.id, actorId);
    if (withNotes === undefined) return card;
    await saveLead(this.deps, {
      teamId,
      actorId,
      source: WORKFLOW.leadSource,
      lead: { email: lead.email ?? email, notes: withNotes },
      leadId: lead.id,
    });
    await refreshCardSoon(this.deps, card);
    return loadHandoffCard(this.deps.db, teamId, card.handoffId);
  }

  /** "Find a lead": where the lead with that email stands; not found is an answer, not a failure. */
  async findLead(teamId: string, inputs: StepInputs): Promise<FoundLead> {
    const email = emailFromStep(inputs);
    const lead = await findLeadByEmailKey(this.deps.db, teamId, emailKey(email));
    if (!lead || lead.erasedAt) return { found: false };
    return {
      found: true,
      leadId: lead.id,
      stage: stageLabel(lead.stage),
      ownerId: lead.ownerId,
      campaignName: await campaignName(this.deps.db, teamId, lead.campaignId),
    };
  }

  private async campaignOf(teamId: string, campaign: string | undefined): Promise<Pick<LeadInput, "campaignId" | "campaignCode">> {
    if (!campaign) return {};
    const named = await findCampaignByNameKey(this.deps.db, teamId, campaignNameKey(campaign));
    if (named) return { campaignId: named.id };
    if (campaign.trim().length > LIMITS.utm)
      throw refusal({ campaign: `A campaign's tracking code can be at most ${LIMITS.utm} characters.` });
    return { campaignCode: campaign.trim() };
  }
}

/** The lead's notes with the workflow's added below them, unless they are there already (a workflow run again). */
function joinedNotes(lead: Lead, notes: string): string | undefined {
  const existing = lead.notes?.trim() ?? "";
  if (existing === notes || existing.endsWith(`\n\n${notes}`)) return undefined;
  const joined = existing ? `${existing}\n\n${notes}` : notes;
  if (joined.length > LIMITS.notes) {
    throw refusal({ notes: `The lead's notes and these together would be over ${LIMITS.notes} characters. Shorten them.` });
  }
  return joined;
}

function errorsOf(body: Record<string, unknown>): { field: string; message: string }[] {
  const errors = body.errors;
  return Array.isArray(errors) ? (errors as { field: string; message: string }[]) : [{ field: "email", message: "could not be saved." }];
}

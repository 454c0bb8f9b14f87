import { findLead } from "../../db/leads.js";
import type { LeadDeps } from "../leads/deps.js";
import type { HandoffCard } from "../ports.js";
import { acceptHandoff } from "./accept-handoff.js";
import { type Assignment, assignHandoff } from "./assign-handoff.js";
import { type ClickedCard, convergeHandoffCard } from "./card-messages.js";
import type { Decision } from "./decide-handoff.js";
import { type HandedOff, handOffLead } from "./hand-off-lead.js";
import { loadHandoffCard } from "./handoff-card.js";
import { rejectHandoff } from "./reject-handoff.js";
import type { RejectInput } from "./reject-input.js";

/** Handing leads from marketing to sales, and sales' answers: the use cases behind the handoff card. */
export class Handoffs {
  constructor(private readonly deps: LeadDeps) {}

  /** Marketing's hand-off: for whoever sees the lead in full (sales, marketing, admins, the lead's own people). */
  async handOff(teamId: string, leadId: string, actorId: string): Promise<HandedOff> {
    const lead = await findLead(this.deps.db, teamId, leadId);
    if (lead) await this.deps.roles.requireFullLeadAccess(teamId, actorId, lead, "hand off a lead someone else logged");
    return handOffLead(this.deps, teamId, leadId, actorId);
  }

  /** `clicked`: the card the click came from, when it came from the card's own buttons (not a DM or the Home). */
  accept(teamId: string, handoffId: string, userId: string, clicked: ClickedCard = null): Promise<Decision> {
    return acceptHandoff(this.deps, { teamId, handoffId, userId, clicked });
  }

  reject(teamId: string, handoffId: string, userId: string, input: RejectInput, clicked: ClickedCard = null): Promise<Decision> {
    return rejectHandoff(this.deps, { teamId, handoffId, userId, clicked, ...input });
  }

  assign(teamId: string, handoffId: string, actorId: string, assigneeId: string, clicked: ClickedCard = null): Promise<Assignment> {
    return assignHandoff(this.deps, { teamId, handoffId, actorId, assigneeId, clicked });
  }

  /** Throws a forbidden AppError, explaining who may, when the person is not on the sales team. */
  requireSalesRep(teamId: string, userId: string, doing: string): Promise<void> {
    return this.deps.roles.requireSalesRep(teamId, userId, doing);
  }

  card(teamId: string, handoffId: string): Promise<HandoffCard> {
    return loadHandoffCard(this.deps.db, teamId, handoffId);
  }

  /** The card as it is now, for a click that does not decide (Reject opening its form): brings the cards up to date. */
  cardForClick(teamId: string, handoffId: string, clicked: ClickedCard): Promise<HandoffCard> {
    return convergeHandoffCard(this.deps, teamId, handoffId, clicked);
  }
}

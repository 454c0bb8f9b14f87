import { z } from "zod";
import { decideHandoff, findHandoff, type Handoff, rememberNotices } from "../../db/handoffs.js";
import { changeStage, findLead, StageChangedMeanwhile } from "../../db/leads.js";
import { findWorkspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { LeadDeps } from "../leads/deps.js";
import type { HandoffCard } from "../ports.js";
import { loadHandoffCard } from "./handoff-card.js";
import { REJECT_REASON_KEYS } from "./reasons.js";

/** The outcome for the person who clicked: `won` false means someone (maybe they) decided it first. */
export interface Decision {
  won: boolean;
  card: HandoffCard;
}

const NOTE_MAX = 1000;

export const rejectInputSchema = z
  .object({
    reason: z.enum(REJECT_REASON_KEYS, { message: "Pick the reason that fits best." }),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX, `A note can be at most ${NOTE_MAX} characters.`)
      .transform((v) => (v === "" ? undefined : v))
      .optional(),
  })
  .refine((input) => input.reason !== "other" || input.note, {
    message: "Say in a few words why, when the reason is Other.",
    path: ["note"],
  });

export type RejectInput = z.infer<typeof rejectInputSchema>;

export async function requireSalesRep(deps: LeadDeps, teamId: string, userId: string, doing: string): Promise<void> {
  if (await deps.roles.isSalesRep(teamId, userId)) return;
  throw new AppError(
    "forbidden",
    `Only the sales team can ${doing}. A Baton admin sets who is on it in /baton settings → Channels and people.`,
  );
}

/** What a decision changes: the handoff's status (and reject fields) and the lead's stage (and owner). */
interface Outcome {
  status: "accepted" | "rejected";
  handoff: { rejectReason?: string; rejectNote?: string | null };
  to: "sql" | "nurture";
  lead: { ownerId?: string };
  reason: string | null;
}

/** Accept: the clicking rep owns the lead, which becomes SQL. Exactly one of many concurrent clicks wins. */
export async function acceptHandoff(deps: LeadDeps, teamId: string, handoffId: string, userId: string): Promise<Decision> {
  await requireSalesRep(deps, teamId, userId, "accept handoffs");
  const outcome: Outcome = { status: "accepted", handoff: {}, to: "sql", lead: { ownerId: userId }, reason: null };
  const decision = await decide(deps, teamId, handoffId, userId, outcome);
  if (decision.won)
    await deps.notifier.accepted(decision.card).catch((e: unknown) => deps.logger.warn({ err: e, teamId }, "thread reply failed"));
  return decision;
}

/** Reject: the lead goes to Nurture with the reason; marketing hears why, in the thread and its channel. */
export async function rejectHandoff(
  deps: LeadDeps,
  teamId: string,
  handoffId: string,
  userId: string,
  input: RejectInput,
): Promise<Decision> {
  await requireSalesRep(deps, teamId, userId, "reject handoffs");
  const outcome: Outcome = {
    status: "rejected",
    handoff: { rejectReason: input.reason, rejectNote: input.note ?? null },
    to: "nurture",
    lead: {},
    reason: input.reason,
  };
  const decision = await decide(deps, teamId, handoffId, userId, outcome);
  if (!decision.won) return decision;
  const marketing = (await findWorkspace(deps.db, teamId))?.marketingChannelId ?? null;
  try {
    const refs = await deps.notifier.rejected(decision.card, marketing);
    if (refs.length > 0) await rememberNotices(deps.db, teamId, handoffId, refs);
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, "telling marketing about a rejection failed");
  }
  return decision;
}

async function decide(deps: LeadDeps, teamId: string, handoffId: string, userId: string, outcome: Outcome): Promise<Decision> {
  const handoff = await findHandoff(deps.db, teamId, handoffId);
  if (!handoff) throw new AppError("not_found", "That handoff no longer exists.");
  if (handoff.status !== "pending") return { won: false, card: await loadHandoffCard(deps.db, teamId, handoffId) };
  if (!handoff.messageTs) throw new AppError("conflict", "This handoff is still being posted. Try again in a moment.");
  const won = await commitDecision(deps, handoff, userId, outcome);
  const card = await loadHandoffCard(deps.db, teamId, handoffId);
  if (won) await deps.notifier.refreshCard(card).catch((e: unknown) => deps.logger.warn({ err: e, teamId }, "card update failed"));
  return { won, card };
}

async function commitDecision(deps: LeadDeps, handoff: Handoff, userId: string, outcome: Outcome): Promise<boolean> {
  const at = deps.clock.now();
  const lead = await findLead(deps.db, handoff.teamId, handoff.leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  const stamp = outcome.to === "sql" ? { sqlAt: at } : { nurtureAt: at };
  try {
    return await deps.db.$transaction(async (tx) => {
      if (!(await decideHandoff(tx, handoff, { status: outcome.status, decidedById: userId, decidedAt: at, ...outcome.handoff })))
        return false;
      await changeStage(tx, lead, {
        to: outcome.to,
        data: { ...stamp, ...outcome.lead },
        event: { actorId: userId, type: "stage_changed", reason: outcome.reason, at },
      });
      return true;
    });
  } catch (error) {
    if (error instanceof StageChangedMeanwhile)
      throw new AppError("conflict", "This lead changed meanwhile; nothing was decided. Please try again.");
    throw error;
  }
}

import { z } from "zod";
import { changeStage, findLead, type Lead, StageChangedMeanwhile } from "../../db/leads.js";
import { enqueueEffects } from "../../db/outbox.js";
import { findWorkspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import { minorDigits } from "../../lib/money.js";
import { STAGE_LABELS } from "../labels.js";
import { EffectKinds } from "../outbox/effects.js";
import type { LeadDeps } from "./deps.js";
import { assertCanMove, canMove, stageOf } from "./stages.js";

/** The moves an owner makes by hand once sales has the lead. */
export const OWNER_MOVES = ["opportunity", "won", "lost"] as const;
export type OwnerMove = (typeof OWNER_MOVES)[number];

export function ownerMovesFrom(stage: string): OwnerMove[] {
  return OWNER_MOVES.filter((to) => canMove(stageOf(stage), to));
}

const MAX_CENTS = 2_147_483_647; // the column is a 32-bit integer on both databases
const LOST_REASON_MAX = 500;

const currencies = new Set(Intl.supportedValuesOf("currency"));

/** A deal value typed by a person ("12,500.50") in a currency, as integer minor units. */
export const dealInputSchema = z
  .object({
    amount: z
      .string({ message: "Enter the deal value, for example 12500 or 12,500.50." })
      .trim()
      .regex(/^\d{1,3}(,?\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/, "Enter the deal value as a number, for example 12500 or 12,500.50."),
    currency: z
      .string({ message: "Enter a currency code such as USD or EUR." })
      .trim()
      .toUpperCase()
      .refine((code) => currencies.has(code), "Enter a three-letter currency code such as USD, EUR or GBP."),
  })
  .transform((input, ctx) => {
    const digits = minorDigits(input.currency);
    const [whole = "0", fraction = ""] = input.amount.replaceAll(",", "").split(".");
    if (fraction.length > digits) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: `${input.currency} amounts have at most ${digits} decimal places.` });
      return z.NEVER;
    }
    const cents = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
    if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "That value is larger than Baton can store." });
      return z.NEVER;
    }
    if (cents <= 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "A won deal needs a value above zero." });
      return z.NEVER;
    }
    return { valueCents: cents, currency: input.currency };
  });

export const lostInputSchema = z.object({
  reason: z
    .string({ message: "Say why the deal was lost." })
    .trim()
    .min(1, "Say why the deal was lost.")
    .max(LOST_REASON_MAX, `A reason can be at most ${LOST_REASON_MAX} characters.`),
});

export type MoveDetails = { to: "opportunity" } | { to: "won"; valueCents: number; currency: string } | { to: "lost"; reason: string };

export interface LeadMove {
  teamId: string;
  leadId: string;
  actorId: string;
  move: MoveDetails;
}

/** An owner moves their lead along: Opportunity, Won (with the deal value) or Lost (with the reason). */
export async function moveLead(deps: LeadDeps, { teamId, leadId, actorId, move }: LeadMove): Promise<Lead> {
  const lead = await findLead(deps.db, teamId, leadId);
  if (!lead) throw new AppError("not_found", "That lead no longer exists.");
  if (lead.ownerId !== actorId) {
    const owner = lead.ownerId ? `its owner, <@${lead.ownerId}>` : "its owner (sales accepts it first)";
    throw new AppError("forbidden", `Only ${owner}, can move this lead along.`);
  }
  assertCanMove(stageOf(lead.stage), move.to);
  const at = deps.clock.now();
  // A win is told to marketing, through the outbox: written with the move, delivered at once.
  const marketing = move.to === "won" ? ((await findWorkspace(deps.db, teamId))?.marketingChannelId ?? null) : null;
  const announce = marketing ? [{ teamId, kind: EffectKinds.dealWon, subjectId: lead.id, channelId: marketing }] : [];
  const lease = deps.outbox.leaseFrom(at);
  try {
    const { moved, written } = await deps.db.$transaction(async (tx) => {
      const moved = await changeStage(tx, lead, { to: move.to, ...changeFor(move, at), event: eventFor(move, actorId, at) });
      return { moved, written: await enqueueEffects(tx, announce, at, { claimedUntil: lease }) };
    });
    await deps.outbox.deliverWritten(written);
    return moved;
  } catch (error) {
    if (!(error instanceof StageChangedMeanwhile)) throw error;
    const now = await findLead(deps.db, teamId, leadId);
    throw new AppError("conflict", `This lead moved meanwhile (it is ${STAGE_LABELS[stageOf(now?.stage ?? lead.stage)]} now).`);
  }
}

function changeFor(move: MoveDetails, at: Date) {
  if (move.to === "won") return { data: { wonAt: at, dealValueCents: move.valueCents, dealCurrency: move.currency } };
  if (move.to === "lost") return { data: { lostAt: at, lostReason: move.reason } };
  return { data: { opportunityAt: at } };
}

function eventFor(move: MoveDetails, actorId: string, at: Date) {
  const base = { actorId, type: "stage_changed", at };
  if (move.to === "won") return { ...base, valueCents: move.valueCents, currency: move.currency };
  if (move.to === "lost") return { ...base, reason: move.reason };
  return base;
}

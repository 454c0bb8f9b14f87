import { AppError } from "../../lib/errors.js";
import { STAGE_LABELS } from "../labels.js";

export const STAGES = ["new", "mql", "sql", "opportunity", "won", "lost", "nurture"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The lead lifecycle. New -> MQL (handed to sales) -> SQL (accepted) -> Opportunity -> Won or Lost;
 * sales can reject an MQL to Nurture, and marketing can re-qualify a nurtured lead (Nurture -> MQL).
 */
const NEXT: Record<Stage, readonly Stage[]> = {
  new: ["mql"],
  mql: ["sql", "nurture"],
  sql: ["opportunity", "won", "lost"],
  opportunity: ["won", "lost"],
  won: [],
  lost: ["nurture"],
  nurture: ["mql"],
};

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

export function canMove(from: Stage, to: Stage): boolean {
  return NEXT[from].includes(to);
}

/** Refuses an illegal move with a message that says what is possible from here. */
export function assertCanMove(from: Stage, to: Stage): void {
  if (canMove(from, to)) return;
  const options = NEXT[from].map((s) => STAGE_LABELS[s]);
  const hint = options.length > 0 ? `From ${STAGE_LABELS[from]} it can go to ${options.join(" or ")}.` : `${STAGE_LABELS[from]} is final.`;
  throw new AppError("illegal_transition", `A lead can't go from ${STAGE_LABELS[from]} to ${STAGE_LABELS[to]}. ${hint}`);
}

/** The Lead column that records when a lead last entered each stage. */
export const STAGE_TIMESTAMP = {
  mql: "mqlAt",
  sql: "sqlAt",
  opportunity: "opportunityAt",
  won: "wonAt",
  lost: "lostAt",
  nurture: "nurtureAt",
} as const satisfies Partial<Record<Stage, string>>;

/** A stored stage as a Stage; an unknown value (which the schema's writers never store) is a bug. */
export function stageOf(value: string): Stage {
  if (!isStage(value)) throw new Error(`unknown lead stage ${JSON.stringify(value)}`);
  return value;
}

// The response SLA's escalation ladder, in working time: a reminder at half the deadline, an escalation at the
// deadline, and (when the workspace wants it) a reassignment to the next rep in the rotation.
import { addWorkingMinutes, type WorkingHours } from "../../lib/working-hours.js";

export const DEFAULT_RESPONSE_SLA_MINUTES = 240;

export type SlaStepKind = "reminder" | "escalation" | "reassignment";

/** The order steps due at the same moment run in: escalate before reassigning. */
export const STEP_ORDER: Record<SlaStepKind, number> = { reminder: 0, escalation: 1, reassignment: 2 };

export interface PlannedStep {
  step: SlaStepKind;
  dueAt: Date;
}

export interface Ladder {
  slaDueAt: Date;
  steps: PlannedStep[];
}

export function planLadder(handedOffAt: Date, responseMinutes: number, hours: WorkingHours, reassign: boolean): Ladder {
  const slaDueAt = addWorkingMinutes(handedOffAt, responseMinutes, hours);
  const steps: PlannedStep[] = [
    { step: "reminder", dueAt: addWorkingMinutes(handedOffAt, responseMinutes / 2, hours) },
    { step: "escalation", dueAt: slaDueAt },
  ];
  if (reassign) steps.push({ step: "reassignment", dueAt: slaDueAt });
  return { slaDueAt, steps };
}

import type { Handoff } from "../../db/handoffs.js";
import type { Lead } from "../../db/leads.js";
import type { WorkingHours } from "../../lib/working-hours.js";
import type { ResponseClock } from "../ports.js";
import { responseClock } from "../sla/response-clock.js";

/** A handoff waiting for sales, as a Home row: the lead, who should answer, and the clock of their deadline. */
export interface WaitingHandoff {
  handoffId: string;
  lead: Lead;
  campaignName: string | null;
  assigneeId: string | null;
  /** The current assignee's deadline (their own after an SLA reassignment). */
  dueAt: Date | null;
  clock: ResponseClock | null;
  channelId: string | null;
  messageTs: string | null;
}

export function waitingRow(
  handoff: Handoff,
  lead: Lead,
  campaignName: string | null,
  now: Date,
  hours: WorkingHours | undefined,
): WaitingHandoff {
  const dueAt = handoff.assigneeDueAt ?? handoff.slaDueAt;
  return {
    handoffId: handoff.id,
    lead,
    campaignName,
    assigneeId: handoff.assigneeId,
    dueAt,
    clock: hours ? responseClock(dueAt, now, hours) : null,
    channelId: handoff.channelId,
    messageTs: handoff.messageTs,
  };
}

import { findWorkspace } from "../../db/workspaces.js";
import { type WorkingHours, workingMinutesBetween } from "../../lib/working-hours.js";
import type { LeadDeps } from "../leads/deps.js";
import type { ResponseClock } from "../ports.js";
import { workingHoursOf } from "../workspaces/working-hours.js";

/** Time left until `dueAt` in working hours (negative once past), or null without a deadline. */
export function responseClock(dueAt: Date | null, now: Date, hours: WorkingHours): ResponseClock | null {
  if (!dueAt) return null;
  const overdue = now > dueAt;
  const workingMinutesLeft = overdue ? -workingMinutesBetween(dueAt, now, hours) : workingMinutesBetween(now, dueAt, hours);
  return { dueAt, workingMinutesLeft, overdue };
}

/** The clock of a handoff's current deadline, now, in its workspace's working hours. */
export async function responseClockFor(
  deps: Pick<LeadDeps, "db" | "clock">,
  teamId: string,
  dueAt: Date | null,
): Promise<ResponseClock | null> {
  if (!dueAt) return null;
  const workspace = await findWorkspace(deps.db, teamId);
  return workspace ? responseClock(dueAt, deps.clock.now(), workingHoursOf(workspace)) : null;
}

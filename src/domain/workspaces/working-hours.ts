import type { Workspace } from "../../db/workspaces.js";
import { DEFAULT_WORK_DAYS, type WorkingHours } from "../../lib/working-hours.js";

const asDays = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((d): d is number => Number.isInteger(d) && d >= 1 && d <= 7) : [];

/** The workspace's working hours, read in `zone` (a rep's own zone) or the workspace's time zone. */
export function workingHoursOf(
  workspace: Pick<Workspace, "timezone" | "workStartMinute" | "workEndMinute" | "workDays">,
  zone?: string,
): WorkingHours {
  const days = asDays(workspace.workDays);
  return {
    zone: zone ?? workspace.timezone,
    startMinute: workspace.workStartMinute,
    endMinute: workspace.workEndMinute,
    days: days.length > 0 ? days : DEFAULT_WORK_DAYS,
  };
}

// A digest schedule as the settings show it and a run reads it.
import type { DigestSchedule } from "../../db/digest-schedules.js";
import { type DigestSection, type DigestView, isDigestView, sectionsFor } from "./digest.js";
import { type SchedulePeriod, type ScheduleTimingParts, timingOf } from "./schedule-input.js";

export interface ScheduleSummary {
  id: string;
  channelId: string;
  period: SchedulePeriod;
  cron: string;
  timezone: string;
  /** The admin's choice when the cron is one the settings wrote; null for a custom DIGEST_CRON. */
  timing: ScheduleTimingParts | null;
  view: DigestView;
  /** As stored: empty means the view's defaults. */
  chosenSections: string[];
  /** What the digest shows. */
  sections: DigestSection[];
  skipEmpty: boolean;
  enabled: boolean;
}

const asList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export function summariseSchedule(schedule: DigestSchedule): ScheduleSummary {
  const view = isDigestView(schedule.view) ? schedule.view : "shared";
  const chosen = asList(schedule.sections);
  return {
    id: schedule.id,
    channelId: schedule.channelId,
    period: (["daily", "weekly", "monthly"] as const).find((p) => p === schedule.period) ?? "weekly",
    cron: schedule.cron,
    timezone: schedule.timezone,
    timing: timingOf(schedule.cron),
    view,
    chosenSections: chosen,
    sections: sectionsFor(view, chosen),
    skipEmpty: schedule.skipEmpty,
    enabled: schedule.enabled,
  };
}

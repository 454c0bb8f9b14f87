// Digest schedules: admins list, add, change and remove them in /baton settings.
import type { Db } from "../../db/client.js";
import {
  createSchedule,
  type DigestSchedule,
  deleteSchedule,
  findSchedule,
  listSchedules,
  type ScheduleFields,
  updateSchedule,
} from "../../db/digest-schedules.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { type DigestSection, type DigestView, isDigestView, sectionsFor } from "./digest.js";
import { cronFor, parseScheduleInput, periodOfCron, type SchedulePeriod, type ScheduleTimingParts, timingOf } from "./schedule-input.js";

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

export function summarise(schedule: DigestSchedule): ScheduleSummary {
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

export class DigestSchedules {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Called after every change made through this process (the scheduler re-syncs its timers at once). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async list(teamId: string): Promise<ScheduleSummary[]> {
    return (await listSchedules(this.db, teamId)).map(summarise);
  }

  async get(teamId: string, id: string): Promise<ScheduleSummary> {
    const schedule = await findSchedule(this.db, teamId, id);
    if (!schedule) throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    return summarise(schedule);
  }

  /** Validates and stores a new schedule (`id` null) or a change; field errors name the modal's blocks. */
  async save(teamId: string, actorId: string, id: string | null, raw: unknown): Promise<ScheduleSummary> {
    const parsed = parseScheduleInput(raw);
    if (!parsed.ok) throw new AppError("invalid_input", "Some of the digest settings need fixing.", parsed.errors);
    const { input } = parsed;
    const fields: ScheduleFields = {
      channelId: input.channelId,
      period: input.period,
      cron: cronFor(input),
      timezone: input.timezone,
      view: input.view,
      sections: input.sections.length > 0 ? input.sections : null,
      skipEmpty: input.skipEmpty,
      enabled: true,
    };
    let saved: DigestSchedule | null;
    if (id === null) {
      saved = await createSchedule(this.db, teamId, actorId, fields, this.clock.now());
    } else {
      if (!(await updateSchedule(this.db, teamId, id, fields, this.clock.now()))) {
        throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
      }
      saved = await findSchedule(this.db, teamId, id);
    }
    this.changed();
    if (!saved) throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    return summarise(saved);
  }

  async remove(teamId: string, id: string): Promise<void> {
    if (!(await deleteSchedule(this.db, teamId, id))) {
      throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

export interface DefaultScheduleSettings {
  salesChannelId?: string;
  marketingChannelId?: string;
  digestCron?: string;
  timezone: string;
}

/** The schedules a new workspace starts with: the sales view to the sales channel, the marketing view to marketing. */
export function defaultSchedules(settings: DefaultScheduleSettings): (ScheduleFields & { createdById: string })[] {
  const cron = settings.digestCron ?? "0 9 * * 1";
  const base = {
    cron,
    timezone: settings.timezone,
    period: periodOfCron(cron),
    sections: null,
    skipEmpty: false,
    enabled: true,
    createdById: "system",
  };
  const { salesChannelId: sales, marketingChannelId: marketing } = settings;
  if (sales && sales === marketing) return [{ ...base, channelId: sales, view: "shared" }];
  return [
    ...(sales ? [{ ...base, channelId: sales, view: "sales" }] : []),
    ...(marketing ? [{ ...base, channelId: marketing, view: "marketing" }] : []),
  ];
}

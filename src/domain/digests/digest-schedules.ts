// Digest schedules: admins list, add, change and remove them in /baton settings.
import {
  createSchedule,
  type DigestSchedule,
  deleteSchedule,
  findSchedule,
  listSchedules,
  type ScheduleFields,
  updateSchedule,
} from "../../db/digest-schedules.js";
import { AppError } from "../../lib/errors.js";
import type { DigestDeps } from "./deps.js";
import { cronFor, parseScheduleInput } from "./schedule-input.js";
import { type ScheduleSummary, summariseSchedule } from "./schedule-summary.js";

export class DigestSchedules {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: Pick<DigestDeps, "db" | "clock">) {}

  /** Called after every change made through this process (the scheduler re-syncs its timers at once). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async list(teamId: string): Promise<ScheduleSummary[]> {
    return (await listSchedules(this.deps.db, teamId)).map(summariseSchedule);
  }

  async get(teamId: string, id: string): Promise<ScheduleSummary> {
    const schedule = await findSchedule(this.deps.db, teamId, id);
    if (!schedule) throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    return summariseSchedule(schedule);
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
      saved = await createSchedule(this.deps.db, teamId, actorId, fields, this.deps.clock.now());
    } else {
      if (!(await updateSchedule(this.deps.db, teamId, id, fields, this.deps.clock.now()))) {
        throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
      }
      saved = await findSchedule(this.deps.db, teamId, id);
    }
    this.changed();
    if (!saved) throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    return summariseSchedule(saved);
  }

  async remove(teamId: string, id: string): Promise<void> {
    if (!(await deleteSchedule(this.deps.db, teamId, id))) {
      throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

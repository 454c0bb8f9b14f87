// Digest schedules: admins list, add, change and remove them in /baton settings. Saving one sets its next due
// time (its first slot after now, in its own time zone), which is all the scheduler needs to see the change.
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
import { nextSlotAfter } from "./run-slots.js";
import { cronFor, parseScheduleInput } from "./schedule-input.js";
import { type ScheduleSummary, summariseSchedule } from "./schedule-summary.js";

export class DigestSchedules {
  constructor(private readonly deps: Pick<DigestDeps, "db" | "clock">) {}

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
    const now = this.deps.clock.now();
    const fields: ScheduleFields & { nextRunAt: Date | null } = {
      channelId: input.channelId,
      period: input.period,
      cron: cronFor(input),
      timezone: input.timezone,
      view: input.view,
      sections: input.sections.length > 0 ? input.sections : null,
      skipEmpty: input.skipEmpty,
      enabled: true,
      // null only for an expression with no slot ahead: the scheduler then looks again later.
      nextRunAt: nextSlotAfter(cronFor(input), input.timezone, now),
    };
    let saved: DigestSchedule | null;
    if (id === null) {
      saved = await createSchedule(this.deps.db, teamId, actorId, fields, now);
    } else {
      if (!(await updateSchedule(this.deps.db, teamId, id, fields, now))) {
        throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
      }
      saved = await findSchedule(this.deps.db, teamId, id);
    }
    if (!saved) throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    return summariseSchedule(saved);
  }

  async remove(teamId: string, id: string): Promise<void> {
    if (!(await deleteSchedule(this.deps.db, teamId, id))) {
      throw new AppError("not_found", "That digest schedule no longer exists: someone may have removed it.");
    }
  }
}

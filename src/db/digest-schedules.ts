import type { Db } from "./client.js";
import { type DigestSchedule, Prisma } from "./generated/sqlite/client.js";

export type { DigestSchedule };

export type ScheduleFields = Pick<
  Prisma.DigestScheduleUncheckedCreateInput,
  "channelId" | "period" | "cron" | "timezone" | "view" | "skipEmpty" | "enabled"
> & { sections: string[] | null };

/** Json columns are nullable: null means "the view's default sections". */
const jsonList = (list: string[] | null) => (list === null ? Prisma.DbNull : list);

export function listSchedules(db: Db, teamId: string): Promise<DigestSchedule[]> {
  return db.digestSchedule.findMany({ where: { teamId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export function findSchedule(db: Db, teamId: string, id: string): Promise<DigestSchedule | null> {
  return db.digestSchedule.findFirst({ where: { id, teamId } });
}

/** A schedule by id alone, for the scheduler: the id comes from our own JobRun key, and the row names its team. */
export function scheduleForRun(db: Db, id: string): Promise<DigestSchedule | null> {
  return db.digestSchedule.findUnique({ where: { id } });
}

export function createSchedule(db: Db, teamId: string, createdById: string, fields: ScheduleFields, at: Date): Promise<DigestSchedule> {
  const { sections, ...rest } = fields;
  return db.digestSchedule.create({ data: { ...rest, sections: jsonList(sections), teamId, createdById, createdAt: at, updatedAt: at } });
}

/** Updates a schedule of the team; false when there is no such schedule (removed meanwhile, or another team's). */
export async function updateSchedule(db: Db, teamId: string, id: string, fields: ScheduleFields, at: Date): Promise<boolean> {
  const { sections, ...rest } = fields;
  const { count } = await db.digestSchedule.updateMany({
    where: { id, teamId },
    data: { ...rest, sections: jsonList(sections), updatedAt: at },
  });
  return count === 1;
}

export async function deleteSchedule(db: Db, teamId: string, id: string): Promise<boolean> {
  const { count } = await db.digestSchedule.deleteMany({ where: { id, teamId } });
  return count === 1;
}

export interface ScheduleTiming {
  id: string;
  teamId: string;
  cron: string;
  timezone: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Every enabled schedule of every workspace, for the scheduler (a few rows per workspace). */
export function enabledScheduleTimings(db: Db): Promise<ScheduleTiming[]> {
  return db.digestSchedule.findMany({
    where: { enabled: true },
    select: { id: true, teamId: true, cron: true, timezone: true, createdAt: true, updatedAt: true },
    orderBy: { id: "asc" },
  });
}

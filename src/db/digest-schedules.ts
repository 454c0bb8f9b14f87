import type { Db } from "./client.js";
import { type DigestSchedule, Prisma } from "./generated/sqlite/client.js";
import type { Provider } from "./target.js";

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

export function createSchedule(
  db: Db,
  teamId: string,
  createdById: string,
  fields: ScheduleFields & { nextRunAt: Date | null },
  at: Date,
): Promise<DigestSchedule> {
  const { sections, ...rest } = fields;
  return db.digestSchedule.create({ data: { ...rest, sections: jsonList(sections), teamId, createdById, createdAt: at, updatedAt: at } });
}

/** Updates a schedule of the team; false when there is no such schedule (removed meanwhile, or another team's). */
export async function updateSchedule(
  db: Db,
  teamId: string,
  id: string,
  fields: ScheduleFields & { nextRunAt: Date | null },
  at: Date,
): Promise<boolean> {
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

/** What the scheduler needs of a schedule to know its slots. */
export interface ScheduleTiming {
  id: string;
  cron: string;
  timezone: string;
  createdAt: Date;
  updatedAt: Date;
}

const timingFields = { id: true, cron: true, timezone: true, createdAt: true, updatedAt: true } as const;

/** Enabled schedules whose next due time was never computed (written without it), a page at a time. */
export function schedulesWithoutDueTime(db: Db, take: number): Promise<ScheduleTiming[]> {
  return db.digestSchedule.findMany({ where: { nextRunAt: null, enabled: true }, select: timingFields, orderBy: { id: "asc" }, take });
}

// Due times are written with raw SQL: Prisma's updateMany would move `updatedAt`, which says when an admin last
// changed the schedule (slots before it are not the schedule's).

/** Sets the due time of those of `ids` that still have none (a save meanwhile computed its own). */
export async function fillDueTime(db: Db, ids: string[], nextRunAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE "DigestSchedule" SET "nextRunAt" = ${nextRunAt} WHERE "id" IN (${Prisma.join(ids)}) AND "nextRunAt" IS NULL`;
}

/**
 * Claims up to `limit` due schedules for this process, in one statement: their due time moves to `leaseUntil`, so
 * no other process claims them until then (if this one dies, they are due again). On PostgreSQL the rows another
 * process is claiming are skipped rather than waited for; SQLite has one writer, so the statement is atomic anyway.
 */
export async function claimDueSchedules(
  db: Db,
  provider: Provider,
  claim: { now: Date; leaseUntil: Date; limit: number },
): Promise<ScheduleTiming[]> {
  const { now, leaseUntil, limit } = claim;
  const claimed =
    provider === "postgresql"
      ? await db.$queryRaw<{ id: string }[]>`
          UPDATE "DigestSchedule" SET "nextRunAt" = ${leaseUntil}
          WHERE "id" IN (SELECT "id" FROM "DigestSchedule" WHERE "nextRunAt" <= ${now} AND "enabled" = true
                         ORDER BY "nextRunAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING "id"`
      : await db.$queryRaw<{ id: string }[]>`
          UPDATE "DigestSchedule" SET "nextRunAt" = ${leaseUntil}
          WHERE "id" IN (SELECT "id" FROM "DigestSchedule" WHERE "nextRunAt" <= ${now} AND "enabled" = true
                         ORDER BY "nextRunAt" LIMIT ${limit})
          RETURNING "id"`;
  if (claimed.length === 0) return [];
  return db.digestSchedule.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, select: timingFields });
}

/** After a run: the schedule's next due time, unless it changed since the claim (a save computed a new one). */
export async function releaseSchedule(db: Db, id: string, claimedUntil: Date, nextRunAt: Date): Promise<void> {
  await db.$executeRaw`UPDATE "DigestSchedule" SET "nextRunAt" = ${nextRunAt} WHERE "id" = ${id} AND "nextRunAt" = ${claimedUntil}`;
}

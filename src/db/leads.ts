import type { Db, Tx } from "./client.js";
import { directly, queryRows } from "./direct.js";
import { type Lead, Prisma } from "./generated/sqlite/client.js";
import { assignments, newId, plainValues } from "./raw-rows.js";
import type { Provider } from "./target.js";

export type { Lead };

export type LeadFields = Pick<
  Prisma.LeadUncheckedCreateInput,
  | "email"
  | "name"
  | "company"
  | "phone"
  | "title"
  | "industry"
  | "companySize"
  | "region"
  | "notes"
  | "campaignId"
  | "fitGrade"
  | "fitSegmentId"
  | "unmatchedCampaignCode"
  | "utmSource"
  | "utmMedium"
  | "utmCampaign"
>;

/** What an outside source sent for a lead that existed, recorded beside the event that says it came. */
export interface SubmissionData {
  channel: string;
  sourceId: string | null;
  fields: Record<string, unknown>;
}

export interface LeadEventData {
  actorId: string;
  type: string;
  fromStage?: string | null;
  toStage?: string | null;
  reason?: string | null;
  valueCents?: number | null;
  currency?: string | null;
  at: Date;
}

/** A stage change as the domain decided it: the lead's new columns and the event that records it. */
export interface StageChange {
  to: string;
  data: Prisma.LeadUncheckedUpdateManyInput;
  event: LeadEventData;
}

export class StageChangedMeanwhile extends Error {
  constructor() {
    super("the lead's stage changed meanwhile");
  }
}

export function findLeadByEmailKey(db: Db | Tx, teamId: string, emailKey: string): Promise<Lead | null> {
  return db.lead.findUnique({ where: { teamId_emailKey: { teamId, emailKey } } });
}

export function findLead(db: Db | Tx, teamId: string, id: string): Promise<Lead | null> {
  return db.lead.findFirst({ where: { id, teamId } });
}

/** Appends one row to the lead's history; campaign and fit are copied from the lead as it is now. */
export async function recordLeadEvent(tx: Tx, lead: Lead, event: LeadEventData): Promise<void> {
  await tx.leadEvent.create({
    data: { ...event, teamId: lead.teamId, leadId: lead.id, campaignId: lead.campaignId, fitGrade: lead.fitGrade },
  });
}

/** Inserts a lead (its "created" event is the caller's, in the same transaction). Throws P2002 when the email exists. */
export function insertLead(
  tx: Tx,
  data: LeadFields & { teamId: string; emailKey: string; searchKey: string; createdById: string; source: string; createdAt: Date },
): Promise<Lead> {
  return tx.lead.create({ data: { ...data, updatedAt: data.createdAt } });
}

/**
 * Updates a lead's fields (its "updated" event is the caller's, in the same transaction), and its events'
 * attribution when the campaign or fit grade changed. Throws P2002 when a new email is taken.
 */
export async function updateLeadFields(
  tx: Tx,
  lead: Lead,
  data: LeadFields & { updatedAt: Date; searchKey: string; emailKey?: string },
): Promise<Lead> {
  const updated = await tx.lead.update({ where: { id: lead.id, teamId: lead.teamId }, data });
  if (updated.campaignId !== lead.campaignId || updated.fitGrade !== lead.fitGrade) await reattributeEvents(tx, lead.teamId, [lead.id]);
  return updated;
}

/**
 * The attribution rule: every event of a lead carries the lead's current source campaign and fit grade, so the
 * funnel (which counts events from one covering index, without reading leads) counts each stage a lead reached
 * under the campaign and grade it has now, also the stages reached before a correction, as the campaign card
 * and list do. To be called in the transaction that changed the leads' campaign or grade, after the change.
 */
export async function reattributeEvents(tx: Tx, teamId: string, leadIds: string[]): Promise<void> {
  if (leadIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "LeadEvent" SET
      "campaignId" = (SELECT l."campaignId" FROM "Lead" l WHERE l."id" = "LeadEvent"."leadId" AND l."teamId" = "LeadEvent"."teamId"),
      "fitGrade" = (SELECT l."fitGrade" FROM "Lead" l WHERE l."id" = "LeadEvent"."leadId" AND l."teamId" = "LeadEvent"."teamId")
    WHERE "teamId" = ${teamId} AND "leadId" IN (${Prisma.join(leadIds)})`;
}

/** Keeps what an outside source sent for a lead (erased with the lead by `/lead forget`). */
export async function recordSubmission(tx: Tx, lead: Lead, submission: SubmissionData, at: Date): Promise<void> {
  await tx.leadSubmission.create({
    data: { ...submission, fields: submission.fields as object, teamId: lead.teamId, leadId: lead.id, at },
  });
}

/**
 * Moves a lead from the stage it was read in: a conditional update, so that of two concurrent moves from the same
 * stage only one happens (and records its event). Throws StageChangedMeanwhile for the other. A caller that says
 * the database is PostgreSQL gets it in one raw statement (no query compiler); on SQLite, which cannot write two
 * tables in one statement, it is one operation of two statements on the connection directly (changeStageOnSqlite),
 * and Prisma's nested write where that cannot run.
 */
export async function changeStage(tx: Tx, lead: Lead, change: StageChange, provider?: Provider): Promise<Lead> {
  if (provider === "postgresql" && plainValues(change.data)) return changeStageInOneStatement(tx, lead, change);
  if (plainValues(change.data)) {
    const moved = await changeStageOnSqlite(tx, lead, change);
    if (moved === null) throw new StageChangedMeanwhile();
    if (moved) return moved;
  }
  const event = { ...change.event, teamId: lead.teamId, campaignId: lead.campaignId, fitGrade: lead.fitGrade };
  try {
    // One call: the update, its event and the lead as it is now. It holds only while the lead still has the
    // stage, campaign and fit grade it was read with (the event is attributed to those), else the caller reads again.
    return await tx.lead.update({
      where: { id: lead.id, teamId: lead.teamId, stage: lead.stage, campaignId: lead.campaignId, fitGrade: lead.fitGrade },
      data: {
        ...change.data,
        stage: change.to,
        updatedAt: change.event.at,
        events: { create: { ...event, fromStage: lead.stage, toStage: change.to } },
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw new StageChangedMeanwhile();
    throw error;
  }
}

/**
 * PostgreSQL: the conditional update and its event in one statement (a data-modifying CTE; the event is written only
 * when the update matched), made as the hot path's other raw statements are (`queryRows`). Parameters are cast where
 * PostgreSQL cannot infer their type from an INSERT ... SELECT.
 */
async function changeStageInOneStatement(tx: Tx, lead: Lead, change: StageChange): Promise<Lead> {
  const { event } = change;
  const set = { ...change.data, stage: change.to, updatedAt: event.at };
  const moved = await queryRows<Lead>(
    tx,
    Prisma.sql`
    WITH moved AS (
      UPDATE "Lead" SET ${assignments(set as Record<string, unknown>)}
      WHERE "id" = ${lead.id} AND "teamId" = ${lead.teamId} AND "stage" = ${lead.stage}
        AND "campaignId" IS NOT DISTINCT FROM ${lead.campaignId}::text AND "fitGrade" IS NOT DISTINCT FROM ${lead.fitGrade}::text
      RETURNING *
    ), recorded AS (
      INSERT INTO "LeadEvent"
        ("id", "teamId", "leadId", "actorId", "type", "fromStage", "toStage", "reason", "valueCents", "currency", "campaignId", "fitGrade", "at")
      SELECT ${newId()}::text, "teamId", "id", ${event.actorId}::text, ${event.type}::text, ${lead.stage}::text, ${change.to}::text,
        ${event.reason ?? null}::text, ${event.valueCents ?? null}::integer, ${event.currency ?? null}::text, ${lead.campaignId}::text,
        ${lead.fitGrade}::text, ${event.at}::timestamp(3)
      FROM moved
    )
    SELECT * FROM moved`,
  );
  const [movedLead] = moved;
  if (!movedLead) throw new StageChangedMeanwhile();
  return movedLead;
}

/**
 * SQLite: the conditional update and its event as one operation of two statements on the connection directly (see
 * direct.ts; SQLite cannot write two tables in one statement). Null when the lead changed meanwhile;
 * undefined when it cannot run there (PostgreSQL, or the driver refused), and Prisma's nested write is made instead.
 */
function changeStageOnSqlite(tx: Tx, lead: Lead, change: StageChange): Promise<Lead | null | undefined> {
  const { event } = change;
  const set = { ...change.data, stage: change.to, updatedAt: event.at };
  return directly(tx, "Lead.update", (query) => {
    const [moved] = query<Lead>(Prisma.sql`
      UPDATE "Lead" SET ${assignments(set as Record<string, unknown>)}
      WHERE "id" = ${lead.id} AND "teamId" = ${lead.teamId} AND "stage" = ${lead.stage}
        AND "campaignId" IS ${lead.campaignId} AND "fitGrade" IS ${lead.fitGrade}
      RETURNING *`);
    if (!moved) return null;
    query(Prisma.sql`
      INSERT INTO "LeadEvent"
        ("id", "teamId", "leadId", "actorId", "type", "fromStage", "toStage", "reason", "valueCents", "currency", "campaignId", "fitGrade", "at")
      VALUES (${newId()}, ${lead.teamId}, ${lead.id}, ${event.actorId}, ${event.type}, ${lead.stage}, ${change.to}, ${event.reason ?? null},
        ${event.valueCents ?? null}, ${event.currency ?? null}, ${lead.campaignId}, ${lead.fitGrade}, ${event.at})`);
    return moved;
  });
}

/**
 * Takes back a hand-off committed before its card was posted, when Slack then refused the card: the lead's stage
 * as it was, and the hand-off's events (all stamped with the hand-off's instant) gone, as if it never happened.
 */
export async function revertHandOff(tx: Tx, before: Lead, at: Date): Promise<void> {
  await tx.lead.updateMany({
    where: { id: before.id, teamId: before.teamId, stage: "mql" },
    data: { stage: before.stage, mqlAt: before.mqlAt, qualifiedById: before.qualifiedById },
  });
  await tx.leadEvent.deleteMany({
    where: {
      teamId: before.teamId,
      leadId: before.id,
      at,
      OR: [{ type: { in: ["handed_off", "assigned"] } }, { type: "stage_changed", toStage: "mql" }],
    },
  });
}

/** The campaign id if it belongs to the workspace: ids and codes from outside are never trusted across teams. */
export async function campaignIdInTeam(db: Db, teamId: string, ref: { id?: string; code?: string }): Promise<string | null> {
  if (ref.id) return (await db.campaign.findFirst({ where: { id: ref.id, teamId }, select: { id: true } }))?.id ?? null;
  if (ref.code) return (await db.campaign.findFirst({ where: { trackingCode: ref.code, teamId }, select: { id: true } }))?.id ?? null;
  return null;
}

/**
 * Up to `limit` leads whose search key holds `needle` (already normalised), most recently changed first. Raw SQL
 * because Prisma's `contains` passes % and _ through as wildcards; LIKE ... ESCAPE reads the same on SQLite and
 * PostgreSQL, and both sides are lower-cased already, so the databases' case rules don't matter.
 */
export async function searchLeads(db: Db, teamId: string, needle: string, limit: number): Promise<Lead[]> {
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Lead"
    WHERE "teamId" = ${teamId} AND "searchKey" LIKE ${pattern} ESCAPE '\\'
    ORDER BY "updatedAt" DESC, "id" ASC
    LIMIT ${limit}`;
  const ids = rows.map((row) => row.id);
  const leads = await db.lead.findMany({ where: { teamId, id: { in: ids } } });
  return ids.map((id) => leads.find((lead) => lead.id === id)).filter((lead): lead is Lead => lead !== undefined);
}

/** The person's leads in the given stages, most recently changed first. */
export function leadsOwnedBy(db: Db, teamId: string, ownerId: string, stages: string[], limit: number): Promise<Lead[]> {
  return db.lead.findMany({
    where: { teamId, ownerId, stage: { in: stages } },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: limit,
  });
}

export async function countOwnedByStage(db: Db, teamId: string, ownerId: string): Promise<Record<string, number>> {
  const rows = await db.lead.groupBy({ by: ["stage"], where: { teamId, ownerId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.stage, row._count._all]));
}

export function recentEvents(db: Db, teamId: string, leadId: string, limit: number) {
  return db.leadEvent.findMany({ where: { teamId, leadId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
}

/** Records a message that names the lead (outside its handoff cards), so `/lead forget` can redact it. */
export async function recordLeadMessage(db: Db, teamId: string, leadId: string, ref: { channelId: string; ts: string }): Promise<void> {
  const lead = await db.lead.findFirst({ where: { id: leadId, teamId }, select: { messageRefs: true } });
  if (!lead) return;
  const refs = Array.isArray(lead.messageRefs) ? lead.messageRefs : [];
  // Once per message: a delivery retried after a crash may record the post it finds again.
  if (refs.some((r) => (r as { ts?: string } | null)?.ts === ref.ts && (r as { channelId?: string }).channelId === ref.channelId)) return;
  await db.lead.updateMany({ where: { id: leadId, teamId }, data: { messageRefs: [...refs, ref] } });
}

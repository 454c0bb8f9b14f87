import type { Db, Tx } from "./client.js";
import { isUniqueViolation } from "./errors.js";
import { type Agreement, type BrandGuide, type IcpSegment, type PlaybookChange, Prisma } from "./generated/sqlite/client.js";
import { reattributeEvents } from "./leads.js";

export type { Agreement, BrandGuide, IcpSegment, PlaybookChange };

export type SegmentData = Pick<Prisma.IcpSegmentUncheckedCreateInput, "name" | "industries" | "companySizes" | "regions" | "titles">;
export type BrandGuideData = Pick<
  Prisma.BrandGuideUncheckedCreateInput,
  "positioning" | "tone" | "keyMessages" | "wordsToAvoid" | "logoUrl" | "templatesUrl" | "updatedById"
>;
export type AgreementData = Pick<
  Prisma.AgreementUncheckedCreateInput,
  "mqlMonthlyTarget" | "responseSlaMinutes" | "acceptanceRateTarget" | "updatedById"
>;
export type NewPlaybookChange = Pick<Prisma.PlaybookChangeUncheckedCreateInput, "teamId" | "kind" | "actorId" | "summary" | "at"> & {
  before: unknown;
  after: unknown;
};

// ICP segments

export function listSegments(db: Tx, teamId: string): Promise<IcpSegment[]> {
  return db.icpSegment.findMany({ where: { teamId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
}

export function findSegment(db: Tx, teamId: string, id: string): Promise<IcpSegment | null> {
  return db.icpSegment.findFirst({ where: { id, teamId } });
}

export function insertSegment(db: Tx, teamId: string, data: SegmentData & { position: number; at: Date }): Promise<IcpSegment> {
  const { at, ...fields } = data;
  return db.icpSegment.create({ data: { ...fields, teamId, createdAt: at, updatedAt: at } });
}

/** Saves an edit only if nobody changed the segment since `version`. Returns rows changed. */
export async function updateSegmentIfUnchanged(
  db: Tx,
  teamId: string,
  id: string,
  version: Date,
  data: SegmentData & { updatedAt: Date },
): Promise<number> {
  const { count } = await db.icpSegment.updateMany({ where: { id, teamId, updatedAt: version }, data });
  return count;
}

export async function deleteSegment(db: Tx, teamId: string, id: string): Promise<number> {
  const { count } = await db.icpSegment.deleteMany({ where: { id, teamId } });
  return count;
}

// Brand guide and agreement: one row per workspace, absent until first saved.

export function findBrandGuide(db: Tx, teamId: string): Promise<BrandGuide | null> {
  return db.brandGuide.findUnique({ where: { teamId } });
}

/** Creates the guide; throws P2002 when someone else created it first. */
export function insertBrandGuide(db: Tx, teamId: string, data: BrandGuideData & { updatedAt: Date }): Promise<BrandGuide> {
  return db.brandGuide.create({ data: { ...data, teamId } });
}

export async function updateBrandGuideIfUnchanged(
  db: Tx,
  teamId: string,
  version: Date,
  data: BrandGuideData & { updatedAt: Date },
): Promise<number> {
  const { count } = await db.brandGuide.updateMany({ where: { teamId, updatedAt: version }, data });
  return count;
}

export function findAgreement(db: Tx, teamId: string): Promise<Agreement | null> {
  return db.agreement.findUnique({ where: { teamId } });
}

/** Creates the agreement; throws P2002 when someone else created it first. */
export function insertAgreement(db: Tx, teamId: string, data: AgreementData & { updatedAt: Date }): Promise<Agreement> {
  return db.agreement.create({ data: { ...data, teamId } });
}

export async function updateAgreementIfUnchanged(
  db: Tx,
  teamId: string,
  version: Date,
  data: AgreementData & { updatedAt: Date },
): Promise<number> {
  const { count } = await db.agreement.updateMany({ where: { teamId, updatedAt: version }, data });
  return count;
}

// The record of changes

export function insertPlaybookChange(db: Tx, change: NewPlaybookChange): Promise<PlaybookChange> {
  const { before, after, ...rest } = change;
  return db.playbookChange.create({
    data: { ...rest, before: (before ?? undefined) as Prisma.InputJsonValue, after: (after ?? undefined) as Prisma.InputJsonValue },
  });
}

export function findPlaybookChange(db: Db, teamId: string, id: string): Promise<PlaybookChange | null> {
  return db.playbookChange.findFirst({ where: { id, teamId } });
}

export function latestPlaybookChange(db: Db, teamId: string, kind: string): Promise<PlaybookChange | null> {
  return db.playbookChange.findFirst({ where: { teamId, kind }, orderBy: [{ at: "desc" }, { id: "desc" }] });
}

/** The latest ICP change of every workspace that changed its ICP since `since`. */
export async function latestIcpChangesSince(db: Db, since: Date): Promise<PlaybookChange[]> {
  const changes = await db.playbookChange.findMany({
    where: { kind: "icp", at: { gte: since } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  const latest = new Map<string, PlaybookChange>();
  for (const change of changes) if (!latest.has(change.teamId)) latest.set(change.teamId, change);
  return [...latest.values()];
}

// Fit grades

export type LeadFitRow = Pick<
  Prisma.LeadGetPayload<object>,
  "id" | "industry" | "companySize" | "region" | "title" | "fitGrade" | "fitSegmentId"
>;

/** One page of a workspace's leads in id order, with only what grading needs. */
export function leadFitPage(db: Db, teamId: string, afterId: string | undefined, take: number): Promise<LeadFitRow[]> {
  return db.lead.findMany({
    where: { teamId, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
    select: { id: true, industry: true, companySize: true, region: true, title: true, fitGrade: true, fitSegmentId: true },
  });
}

/**
 * Sets the fit of some leads. Plain SQL on purpose: a regrade is not an edit of the lead, so it must not move
 * Lead.updatedAt (which Prisma's updateMany would set to the wall-clock time).
 */
/** How many of the workspace's leads have each fit grade (null: not graded). */
export async function countLeadsByFitGrade(db: Db, teamId: string): Promise<{ fitGrade: string | null; leads: number }[]> {
  const rows = await db.lead.groupBy({ by: ["fitGrade"], where: { teamId }, _count: { _all: true } });
  return rows.map((row) => ({ fitGrade: row.fitGrade, leads: row._count._all }));
}

export interface FitChange {
  fit: { fitGrade: string | null; fitSegmentId: string | null };
  /** The leads moving to `fit`, each with the history line to add when its grade changes (null: only the segment). */
  leads: { id: string; note: string | null }[];
  at: Date;
}

/**
 * Sets the fit of some leads, and in the same transaction their events' grade (the attribution rule, see
 * reattributeEvents) and an "updated" event by Baton on each lead whose grade changed.
 */
export function setLeadFit(db: Db, teamId: string, change: FitChange): Promise<void> {
  const ids = change.leads.map((lead) => lead.id);
  const noted = change.leads.filter((lead) => lead.note !== null);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "Lead" SET "fitGrade" = ${change.fit.fitGrade}, "fitSegmentId" = ${change.fit.fitSegmentId}
      WHERE "teamId" = ${teamId} AND "id" IN (${Prisma.join(ids)})`;
    if (noted.length === 0) return;
    await tx.leadEvent.createMany({
      data: noted.map((lead) => ({ teamId, leadId: lead.id, actorId: "system", type: "updated", reason: lead.note, at: change.at })),
    });
    await reattributeEvents(
      tx,
      teamId,
      noted.map((lead) => lead.id),
    );
  });
}

// "Done once" markers (OnceMarker), e.g. "this ICP change has been applied to every lead".

export async function hasMarker(db: Db, key: string): Promise<boolean> {
  return (await db.onceMarker.findUnique({ where: { key } })) !== null;
}

export async function putMarker(db: Db, key: string, teamId: string, at: Date): Promise<void> {
  try {
    await db.onceMarker.upsert({ where: { key }, create: { key, teamId, createdAt: at }, update: {} });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another replica put it first
  }
}

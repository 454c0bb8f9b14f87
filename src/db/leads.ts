import type { Db } from "./client.js";
import type { Lead, Prisma } from "./generated/sqlite/client.js";

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
>;

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

export function findLeadByEmailKey(db: Db, teamId: string, emailKey: string): Promise<Lead | null> {
  return db.lead.findUnique({ where: { teamId_emailKey: { teamId, emailKey } } });
}

export function findLead(db: Db, teamId: string, id: string): Promise<Lead | null> {
  return db.lead.findFirst({ where: { id, teamId } });
}

/** Creates a lead and its "created" event in one transaction. Throws P2002 when the email already exists. */
export function createLeadWithEvent(
  db: Db,
  data: LeadFields & { teamId: string; emailKey: string; createdById: string; source: string; createdAt: Date },
  event: LeadEventData,
): Promise<Lead> {
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.create({ data: { ...data, updatedAt: data.createdAt } });
    await tx.leadEvent.create({
      data: { ...event, teamId: lead.teamId, leadId: lead.id, campaignId: lead.campaignId, fitGrade: lead.fitGrade },
    });
    return lead;
  });
}

/** Updates a lead's fields and records the change, in one transaction. */
export function updateLeadWithEvent(db: Db, lead: Lead, data: LeadFields & { updatedAt: Date }, event: LeadEventData): Promise<Lead> {
  return db.$transaction(async (tx) => {
    const updated = await tx.lead.update({ where: { id: lead.id, teamId: lead.teamId }, data });
    await tx.leadEvent.create({
      data: { ...event, teamId: lead.teamId, leadId: lead.id, campaignId: updated.campaignId, fitGrade: updated.fitGrade },
    });
    return updated;
  });
}

/** The campaign id if it belongs to the workspace: ids and codes from outside are never trusted across teams. */
export async function campaignIdInTeam(db: Db, teamId: string, ref: { id?: string; code?: string }): Promise<string | null> {
  if (ref.id) return (await db.campaign.findFirst({ where: { id: ref.id, teamId }, select: { id: true } }))?.id ?? null;
  if (ref.code) return (await db.campaign.findFirst({ where: { trackingCode: ref.code, teamId }, select: { id: true } }))?.id ?? null;
  return null;
}

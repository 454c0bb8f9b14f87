// Lead sources (a form or booking tool per workspace): their rows, counts and secrets.
import type { Db } from "./client.js";
import type { LeadSource } from "./generated/sqlite/client.js";

export type { LeadSource };

export interface NewLeadSource {
  teamId: string;
  provider: string;
  name: string;
  nameKey: string;
  secret: string;
  fieldMap: Record<string, string>;
  defaultCampaignId: string | null;
  createdById: string;
  at: Date;
}

/** Creates a source. Throws P2002 when the workspace already has a source of that name. */
export function createLeadSource(db: Db, source: NewLeadSource): Promise<LeadSource> {
  const { at, ...data } = source;
  return db.leadSource.create({ data: { ...data, createdAt: at, updatedAt: at } });
}

/** The source a webhook URL names; the id is the only thing known before its workspace is. */
export function leadSourceById(db: Db, id: string): Promise<LeadSource | null> {
  return db.leadSource.findUnique({ where: { id } });
}

export function leadSourceInTeam(db: Db, teamId: string, id: string): Promise<LeadSource | null> {
  return db.leadSource.findFirst({ where: { id, teamId } });
}

export function leadSourcesOf(db: Db, teamId: string, limit: number): Promise<LeadSource[]> {
  return db.leadSource.findMany({ where: { teamId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit });
}

export async function updateLeadSource(
  db: Db,
  teamId: string,
  id: string,
  data: { fieldMap?: Record<string, string>; defaultCampaignId?: string | null; secret?: string; at: Date },
): Promise<boolean> {
  const { at, ...rest } = data;
  const { count } = await db.leadSource.updateMany({ where: { id, teamId }, data: { ...rest, updatedAt: at } });
  return count === 1;
}

export async function deleteLeadSource(db: Db, teamId: string, id: string): Promise<boolean> {
  return (await db.leadSource.deleteMany({ where: { id, teamId } })).count === 1;
}

/** A verified request arrived; `lead` when it brought a lead. Atomic increments, so replicas add up. */
export async function countReceived(db: Db, teamId: string, id: string, at: Date, lead: boolean): Promise<void> {
  await db.leadSource.updateMany({
    where: { id, teamId },
    data: { lastReceivedAt: at, ...(lead ? { receivedCount: { increment: 1 } } : {}) },
  });
}

export async function countBadSignature(db: Db, teamId: string, id: string): Promise<void> {
  await db.leadSource.updateMany({ where: { id, teamId }, data: { badSignatureCount: { increment: 1 } } });
}

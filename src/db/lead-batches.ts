// Bulk writes for CSV import: one transaction per batch, createMany for new leads, one update per changed lead,
// and the matching LeadEvent rows, so a batch is either wholly written or not at all.
import type { Db, Tx } from "./client.js";
import type { Lead, LeadFields } from "./leads.js";

export interface NewLeadRow {
  emailKey: string;
  fields: LeadFields;
}

export interface LeadUpdate {
  lead: Lead;
  changes: Partial<LeadFields>;
}

export interface BatchWrite {
  teamId: string;
  actorId: string;
  source: string;
  at: Date;
  create: NewLeadRow[];
  update: LeadUpdate[];
}

export function findLeadsByEmailKeys(db: Db | Tx, teamId: string, emailKeys: string[]): Promise<Lead[]> {
  if (emailKeys.length === 0) return Promise.resolve([]);
  return db.lead.findMany({ where: { teamId, emailKey: { in: emailKeys } } });
}

/** Writes one batch in a transaction. Throws P2002 if another writer created one of the emails meanwhile. */
export function writeLeadBatch(db: Db, batch: BatchWrite): Promise<void> {
  const { teamId, actorId, source, at } = batch;
  return db.$transaction(
    async (tx) => {
      const created =
        batch.create.length === 0
          ? []
          : await tx.lead.createManyAndReturn({
              data: batch.create.map((row) => ({
                ...row.fields,
                teamId,
                emailKey: row.emailKey,
                createdById: actorId,
                source,
                createdAt: at,
                updatedAt: at,
              })),
              select: { id: true, campaignId: true, fitGrade: true },
            });
      for (const { lead, changes } of batch.update) {
        await tx.lead.update({ where: { id: lead.id, teamId }, data: { ...changes, updatedAt: at } });
      }
      const events = [
        ...created.map((lead) => ({
          leadId: lead.id,
          type: "created",
          toStage: "new",
          campaignId: lead.campaignId,
          fitGrade: lead.fitGrade,
        })),
        ...batch.update.map(({ lead, changes }) => ({
          leadId: lead.id,
          type: "updated",
          toStage: null,
          campaignId: changes.campaignId !== undefined ? changes.campaignId : lead.campaignId,
          fitGrade: changes.fitGrade !== undefined ? changes.fitGrade : lead.fitGrade,
        })),
      ];
      if (events.length > 0) await tx.leadEvent.createMany({ data: events.map((event) => ({ ...event, teamId, actorId, at })) });
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

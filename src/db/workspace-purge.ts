// Deleting everything a workspace left behind: every table that carries its team id (prisma/sqlite/schema.prisma;
// test/security/retention.test.ts checks the list against the schema). The large tables go a batch at a time, so
// no transaction runs long; the rest, and the workspace row itself, go together last.
import type { Db } from "./client.js";

/** Rows deleted per statement: ids are bound one parameter each, and SQLite's driver takes at most 999. */
const BATCH_SIZE = 500;

/** Deletes up to `limit` rows of one large table for the team; returns how many. */
type BatchDelete = (db: Db, teamId: string, limit: number) => Promise<number>;

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

/** The large tables, children before parents, so each batch's foreign-key cascades stay small. */
const LARGE_TABLES: [string, BatchDelete][] = [
  [
    "LeadEvent",
    async (db, teamId, take) => {
      const batch = ids(await db.leadEvent.findMany({ where: { teamId }, select: { id: true }, take }));
      return batch.length ? (await db.leadEvent.deleteMany({ where: { id: { in: batch } } })).count : 0;
    },
  ],
  [
    "LeadSubmission",
    async (db, teamId, take) => {
      const batch = ids(await db.leadSubmission.findMany({ where: { teamId }, select: { id: true }, take }));
      return batch.length ? (await db.leadSubmission.deleteMany({ where: { id: { in: batch } } })).count : 0;
    },
  ],
  [
    "SlaStep",
    async (db, teamId, take) => {
      const batch = ids(await db.slaStep.findMany({ where: { teamId }, select: { id: true }, take }));
      return batch.length ? (await db.slaStep.deleteMany({ where: { id: { in: batch } } })).count : 0;
    },
  ],
  [
    // Digest runs carry the team id; their deliveries go with them (Delivery has no team id of its own).
    "JobRun",
    async (db, teamId, take) => {
      const where = { OR: [{ teamId }, { schedule: { teamId } }] };
      const batch = ids(await db.jobRun.findMany({ where, select: { id: true }, take }));
      if (batch.length === 0) return 0;
      await db.delivery.deleteMany({ where: { runId: { in: batch } } });
      return (await db.jobRun.deleteMany({ where: { id: { in: batch } } })).count;
    },
  ],
  [
    "Handoff",
    async (db, teamId, take) => {
      const batch = ids(await db.handoff.findMany({ where: { teamId }, select: { id: true }, take }));
      return batch.length ? (await db.handoff.deleteMany({ where: { id: { in: batch } } })).count : 0;
    },
  ],
  [
    "Lead",
    async (db, teamId, take) => {
      const batch = ids(await db.lead.findMany({ where: { teamId }, select: { id: true }, take }));
      return batch.length ? (await db.lead.deleteMany({ where: { id: { in: batch } } })).count : 0;
    },
  ],
];

/** Every other table with a team id, deleted in the last transaction with the workspace row. */
export const PURGED_TABLES = [
  ...LARGE_TABLES.map(([table]) => table),
  "TrackingCodeAlias",
  "LeadSource",
  "LeadExport",
  "ExchangeRate",
  "OutboxEffect",
  "Campaign",
  "DigestSchedule",
  "RotationMember",
  "IcpSegment",
  "BrandGuide",
  "Agreement",
  "PlaybookChange",
  "Subscription",
  "OnceMarker",
  "RateWindow",
  "WebhookReceipt",
  "OrgWorkspace",
  "Installation",
  "Workspace",
] as const;

export function uninstalledWorkspaces(db: Db, before: Date, limit: number): Promise<string[]> {
  return db.workspace
    .findMany({ where: { uninstalledAt: { lte: before } }, select: { teamId: true }, orderBy: { uninstalledAt: "asc" }, take: limit })
    .then((rows) => rows.map((row) => row.teamId));
}

const stillUninstalled = async (db: Db, teamId: string, before: Date) =>
  (await db.workspace.count({ where: { teamId, uninstalledAt: { lte: before } } })) === 1;

/**
 * Deletes every row of a workspace that was uninstalled at or before `before`, checking before each batch that it
 * still is (a reinstall clears the mark and stops the purge). True when the workspace is gone. Safe to run on
 * several replicas at once: deleting rows another replica already deleted changes nothing.
 */
export async function purgeWorkspace(db: Db, teamId: string, before: Date, batchSize = BATCH_SIZE): Promise<boolean> {
  for (const [, deleteBatch] of LARGE_TABLES) {
    for (;;) {
      if (!(await stillUninstalled(db, teamId, before))) return false;
      if ((await deleteBatch(db, teamId, batchSize)) < batchSize) break;
    }
  }
  return db.$transaction(async (tx) => {
    // First, so that a reinstall racing with this transaction either waits for it or finds the workspace gone.
    const { count } = await tx.workspace.updateMany({ where: { teamId, uninstalledAt: { lte: before } }, data: { uninstalledAt: before } });
    if (count === 0) return false;
    const where = { teamId };
    await tx.trackingCodeAlias.deleteMany({ where });
    await tx.leadSource.deleteMany({ where });
    await tx.leadExport.deleteMany({ where });
    await tx.exchangeRate.deleteMany({ where });
    await tx.outboxEffect.deleteMany({ where });
    await tx.campaign.deleteMany({ where });
    await tx.digestSchedule.deleteMany({ where });
    await tx.rotationMember.deleteMany({ where });
    await tx.icpSegment.deleteMany({ where });
    await tx.brandGuide.deleteMany({ where });
    await tx.agreement.deleteMany({ where });
    await tx.playbookChange.deleteMany({ where });
    await tx.subscription.deleteMany({ where });
    await tx.onceMarker.deleteMany({ where });
    await tx.rateWindow.deleteMany({ where });
    await tx.webhookReceipt.deleteMany({ where });
    await tx.orgWorkspace.deleteMany({ where });
    await tx.installation.deleteMany({ where });
    await tx.workspace.deleteMany({ where });
    return true;
  });
}

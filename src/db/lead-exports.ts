import type { Db } from "./client.js";

export interface LeadExportRecord {
  teamId: string;
  userId: string;
  filter: string;
  rowCount: number;
  createdAt: Date;
}

export async function recordLeadExport(db: Db, record: LeadExportRecord): Promise<string> {
  return (await db.leadExport.create({ data: record, select: { id: true } })).id;
}

export async function setLeadExportFile(db: Db, teamId: string, exportId: string, fileId: string): Promise<void> {
  await db.leadExport.updateMany({ where: { id: exportId, teamId }, data: { fileId } });
}

/** The workspace's export files still in Slack. */
export async function exportFileIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db.leadExport.findMany({ where: { teamId, fileId: { not: null } }, select: { fileId: true } });
  return rows.flatMap((row) => (row.fileId ? [row.fileId] : []));
}

export async function forgetExportFiles(db: Db, teamId: string, fileIds: string[]): Promise<void> {
  await db.leadExport.updateMany({ where: { teamId, fileId: { in: fileIds } }, data: { fileId: null } });
}

/** The workspace's latest exports, newest first. */
export function recentLeadExports(db: Db, teamId: string, limit: number): Promise<LeadExportRecord[]> {
  return db.leadExport.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { teamId: true, userId: true, filter: true, rowCount: true, createdAt: true },
  });
}

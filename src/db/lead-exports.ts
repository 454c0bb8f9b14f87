import type { Db } from "./client.js";

export interface LeadExportRecord {
  teamId: string;
  userId: string;
  filter: string;
  rowCount: number;
  createdAt: Date;
}

export async function recordLeadExport(db: Db, record: LeadExportRecord): Promise<void> {
  await db.leadExport.create({ data: record });
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

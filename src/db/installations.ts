import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";
import type { Installation } from "./generated/sqlite/client.js";

export type InstallationRow = Installation;

export interface InstallationData {
  installKey: string;
  teamId: string | null;
  enterpriseId: string | null;
  botUserId: string | null;
  botId: string | null;
  /** Already encrypted. */
  payload: string;
}

/** Saves an installation, replacing an earlier one for the same key (a re-install gets new tokens). */
export async function saveInstallationRow(db: Db, data: InstallationData, at: Date): Promise<void> {
  const { installKey, ...rest } = data;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await db.installation.upsert({
        where: { installKey },
        create: { ...data, installedAt: at, updatedAt: at },
        update: { ...rest, installedAt: at, updatedAt: at },
      });
      return;
    } catch (error) {
      // Two replicas finishing the same install at once: the loser updates the winner's row.
      if (!isUniqueViolation(error) || attempt > 0) throw error;
    }
  }
}

export function findInstallationRow(db: Db, installKey: string): Promise<InstallationRow | null> {
  return db.installation.findUnique({ where: { installKey } });
}

export async function deleteInstallationRows(db: Db, where: { installKey?: string; teamId?: string }): Promise<number> {
  if (!where.installKey && !where.teamId) return 0;
  const { count } = await db.installation.deleteMany({
    where: { OR: [...(where.installKey ? [{ installKey: where.installKey }] : []), ...(where.teamId ? [{ teamId: where.teamId }] : [])] },
  });
  return count;
}

/** Replaces the stored payload only if it has not changed since it was read (optimistic, no lost update). */
export async function replaceInstallationPayload(db: Db, installKey: string, before: string, after: string, at: Date): Promise<boolean> {
  const { count } = await db.installation.updateMany({ where: { installKey, payload: before }, data: { payload: after, updatedAt: at } });
  return count === 1;
}

import type { Db } from "./client.js";
import { isUniqueViolation } from "./errors.js";
import type { Workspace } from "./generated/sqlite/client.js";

export type { Workspace };

export interface NewWorkspace {
  teamId: string;
  timezone?: string;
  salesChannelId?: string;
  marketingChannelId?: string;
}

/**
 * Creates the workspace row on first contact; a concurrent creator winning the race is fine. A read, then a plain
 * insert (not an upsert): on SQLite a read transaction that turns into a write fails at once when another process
 * holds the lock, where a plain insert waits its turn.
 */
export async function ensureWorkspaceRow(db: Db, data: NewWorkspace): Promise<void> {
  if (await db.workspace.findUnique({ where: { teamId: data.teamId }, select: { teamId: true } })) return;
  try {
    await db.workspace.create({ data });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

export function findWorkspace(db: Db, teamId: string): Promise<Workspace | null> {
  return db.workspace.findUnique({ where: { teamId } });
}

export async function setWebhookSecret(db: Db, teamId: string, sealed: string | null): Promise<void> {
  await db.workspace.updateMany({ where: { teamId }, data: { webhookSecret: sealed } });
}

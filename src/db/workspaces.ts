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

/** Creates the workspace row on first contact; a concurrent creator winning the race is fine. */
export async function ensureWorkspaceRow(db: Db, data: NewWorkspace): Promise<void> {
  try {
    await db.workspace.upsert({ where: { teamId: data.teamId }, create: data, update: {} });
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

import type { Db, Tx } from "./client.js";
import type { ScheduleFields } from "./digest-schedules.js";
import { isUniqueViolation } from "./errors.js";
import { Prisma, type Workspace } from "./generated/sqlite/client.js";

export type { Workspace };

export interface NewWorkspace {
  teamId: string;
  enterpriseId?: string;
  timezone?: string;
  salesChannelId?: string;
  marketingChannelId?: string;
}

/**
 * Creates the workspace row on first contact, with the digest schedules it starts with, in one transaction (a
 * crash leaves neither). A concurrent creator winning the race is fine: the loser's transaction rolls back.
 */
export async function ensureWorkspaceRow(
  db: Db,
  data: NewWorkspace,
  schedules: (ScheduleFields & { createdById: string })[] = [],
  at: Date = new Date(),
): Promise<void> {
  if (await db.workspace.findUnique({ where: { teamId: data.teamId }, select: { teamId: true } })) return;
  try {
    await db.$transaction(async (tx) => {
      await tx.workspace.create({ data });
      for (const { sections, ...schedule } of schedules) {
        await tx.digestSchedule.create({
          data: { ...schedule, sections: sections ?? Prisma.DbNull, teamId: data.teamId, createdAt: at, updatedAt: at },
        });
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}

export function findWorkspace(db: Tx, teamId: string): Promise<Workspace | null> {
  return db.workspace.findUnique({ where: { teamId } });
}

export interface ChannelsAndPeopleData {
  salesChannelId: string | null;
  marketingChannelId: string | null;
  salesUserGroupId: string | null;
  salesUserIds: string[];
  adminUserIds: string[];
  timezone: string;
  currency: string;
  workStartMinute: number;
  workEndMinute: number;
  workDays: number[];
}

export async function saveChannelsAndPeople(db: Db, teamId: string, data: ChannelsAndPeopleData): Promise<void> {
  await db.workspace.update({ where: { teamId }, data });
}

/** Who sees leads in full besides sales and admins (marketing), and who may export them besides admins. */
export interface CustomerDataRoles {
  marketingUserGroupId: string | null;
  marketingUserIds: string[];
  exportUserGroupId: string | null;
  exportUserIds: string[];
}

export async function saveCustomerDataRoles(db: Db, teamId: string, data: CustomerDataRoles): Promise<void> {
  await db.workspace.update({ where: { teamId }, data });
}

export async function setWebhookSecret(db: Db, teamId: string, sealed: string | null): Promise<void> {
  await db.workspace.updateMany({ where: { teamId }, data: { webhookSecret: sealed } });
}

/** app_uninstalled: remember when, so the workspace's data is purged once the retention period has passed. */
export async function markUninstalled(db: Db, teamId: string, at: Date): Promise<void> {
  await db.workspace.updateMany({ where: { teamId }, data: { uninstalledAt: at } });
}

/** Installed (again): the workspace's data is kept. */
export async function clearUninstalled(db: Db, teamId: string): Promise<void> {
  await db.workspace.updateMany({ where: { teamId, uninstalledAt: { not: null } }, data: { uninstalledAt: null } });
}

/** A workspace first seen through its own install, now reached through its org's: remember the org. */
export async function setEnterpriseId(db: Db, teamId: string, enterpriseId: string): Promise<void> {
  await db.workspace.updateMany({ where: { teamId, enterpriseId: null }, data: { enterpriseId } });
}

/** The org's workspaces that have no installation of their own, so the org's installation is what serves them. */
export async function workspacesServedByOrg(db: Db, enterpriseId: string): Promise<string[]> {
  const rows = await db.workspace.findMany({ where: { enterpriseId }, select: { teamId: true } });
  const own = await db.installation.findMany({ where: { teamId: { in: rows.map((r) => r.teamId) } }, select: { teamId: true } });
  const installed = new Set(own.map((r) => r.teamId));
  return rows.map((r) => r.teamId).filter((teamId) => !installed.has(teamId));
}

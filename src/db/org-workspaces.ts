// Enterprise Grid: which workspaces of an org-wide installation Baton serves (OrgWorkspace rows, per enterprise).
import type { Db, Tx } from "./client.js";

export interface OrgWorkspaceChoice {
  teamId: string;
  name: string | null;
  served: boolean;
}

/** A workspace's row: an org admin's choice (chosenById), Slack's revocation of Baton's access, or both. */
export interface OrgWorkspaceRow extends OrgWorkspaceChoice {
  chosenById: string | null;
  accessRevokedAt: Date | null;
}

/**
 * Whether the org-wide installation serves a workspace, from its row (if any) and whether an org admin has chosen for
 * the org at all: never while Slack has revoked Baton's access, else as chosen, else yes until someone chooses.
 */
export function isServed(row: Pick<OrgWorkspaceRow, "served" | "chosenById" | "accessRevokedAt"> | undefined, orgHasChosen: boolean) {
  if (row?.accessRevokedAt) return false;
  if (row?.chosenById) return row.served;
  return !orgHasChosen;
}

/** The org's rows: the org admin's choice so far and Slack's revocations (empty when neither happened). */
export async function orgWorkspaceRows(db: Tx, enterpriseId: string): Promise<OrgWorkspaceRow[]> {
  return db.orgWorkspace.findMany({
    where: { enterpriseId },
    select: { teamId: true, name: true, served: true, chosenById: true, accessRevokedAt: true },
    orderBy: { teamId: "asc" },
  });
}

async function orgHasChosen(db: Tx, enterpriseId: string): Promise<boolean> {
  return (await db.orgWorkspace.count({ where: { enterpriseId, chosenById: { not: null } } })) > 0;
}

/**
 * Records which of the org's workspaces are served, replacing the earlier choice for the org as a whole. Choosing a
 * workspace lifts an earlier revocation: it is among the workspaces Slack grants Baton now.
 */
export async function saveOrgWorkspaceChoices(
  db: Db,
  enterpriseId: string,
  choices: OrgWorkspaceChoice[],
  chosenById: string,
  at: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.orgWorkspace.deleteMany({ where: { enterpriseId, teamId: { notIn: choices.map((c) => c.teamId) } } });
    for (const { teamId, name, served } of choices) {
      const choice = { enterpriseId, name, served, chosenById, accessRevokedAt: null, updatedAt: at };
      await tx.orgWorkspace.upsert({ where: { teamId }, create: { teamId, ...choice }, update: choice });
    }
  });
}

/**
 * team_access_revoked: Slack took Baton's access to these workspaces of the org away. Each keeps the org admin's
 * earlier choice (if any) beside the revocation, so the rest of the org is served exactly as before.
 */
export async function markAccessRevoked(db: Db, enterpriseId: string, teamIds: string[], at: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const teamId of teamIds) {
      const { count } = await tx.orgWorkspace.updateMany({ where: { teamId, enterpriseId }, data: { accessRevokedAt: at, updatedAt: at } });
      if (count > 0) continue;
      const revoked = { enterpriseId, served: false, chosenById: null, accessRevokedAt: at, updatedAt: at };
      await tx.orgWorkspace.upsert({ where: { teamId }, create: { teamId, ...revoked }, update: revoked });
    }
  });
}

/**
 * Whether the org-wide installation serves this workspace: not while Slack has revoked Baton's access to it; else yes
 * until an org admin has chosen, then only if chosen.
 */
export async function orgServesWorkspace(db: Tx, enterpriseId: string, teamId: string): Promise<boolean> {
  const row = await db.orgWorkspace.findUnique({
    where: { teamId },
    select: { enterpriseId: true, served: true, chosenById: true, accessRevokedAt: true },
  });
  const own = row?.enterpriseId === enterpriseId ? row : undefined;
  // A workspace with a decision of its own (revoked, or chosen either way) needs no look at the rest of the org.
  const decided = Boolean(own?.accessRevokedAt || own?.chosenById);
  return isServed(own, decided || (await orgHasChosen(db, enterpriseId)));
}

/** The org whose org-wide installation serves this workspace (it has none of its own), if any. */
export async function orgInstallationOf(db: Tx, teamId: string): Promise<string | undefined> {
  const workspace = await db.workspace.findUnique({ where: { teamId }, select: { enterpriseId: true } });
  if (!workspace?.enterpriseId) return undefined;
  if ((await db.installation.count({ where: { installKey: teamId } })) > 0) return undefined;
  const org = await db.installation.count({ where: { installKey: workspace.enterpriseId, teamId: null } });
  return org > 0 ? workspace.enterpriseId : undefined;
}

/** Whether scheduled work (digests) runs for the workspace: always, unless its org's install does not serve it. */
export async function servesScheduledWork(db: Tx, teamId: string): Promise<boolean> {
  const enterpriseId = await orgInstallationOf(db, teamId);
  return enterpriseId ? orgServesWorkspace(db, enterpriseId, teamId) : true;
}

/**
 * Whether leads from outside Slack (web forms, lead sources) are taken for the workspace: not once Baton was
 * uninstalled from it (on its own or with its org), nor while its org's installation does not serve it.
 */
export async function servesIntake(db: Tx, teamId: string): Promise<boolean> {
  const workspace = await db.workspace.findUnique({ where: { teamId }, select: { uninstalledAt: true, enterpriseId: true } });
  if (workspace?.uninstalledAt) return false;
  return workspace?.enterpriseId ? servesScheduledWork(db, teamId) : true;
}

/**
 * The org installed Baton org-wide again: its workspaces that the org's installation serves (none of their own) are
 * installed again with it, so the retention period's purge no longer applies to them.
 */
export async function reinstalledWithOrg(db: Db, enterpriseId: string): Promise<number> {
  const own = await db.installation.findMany({ where: { enterpriseId, teamId: { not: null } }, select: { teamId: true } });
  const ownTeamIds = own.map((row) => row.teamId).filter((id): id is string => id !== null);
  const { count } = await db.workspace.updateMany({
    where: { enterpriseId, uninstalledAt: { not: null }, teamId: { notIn: ownTeamIds } },
    data: { uninstalledAt: null },
  });
  return count;
}

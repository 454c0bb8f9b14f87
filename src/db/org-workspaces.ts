// Enterprise Grid: which workspaces of an org-wide installation Baton serves (OrgWorkspace rows, per enterprise).
import type { Db, Tx } from "./client.js";

export interface OrgWorkspaceChoice {
  teamId: string;
  name: string | null;
  served: boolean;
}

/** The org admin's choice so far; empty when nobody has chosen yet (then every granted workspace is served). */
export async function orgWorkspaceChoices(db: Tx, enterpriseId: string): Promise<OrgWorkspaceChoice[]> {
  return db.orgWorkspace.findMany({
    where: { enterpriseId },
    select: { teamId: true, name: true, served: true },
    orderBy: { teamId: "asc" },
  });
}

/** Records which of the org's workspaces are served, replacing the earlier choice for the org as a whole. */
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
      await tx.orgWorkspace.upsert({
        where: { teamId },
        create: { teamId, enterpriseId, name, served, chosenById, updatedAt: at },
        update: { enterpriseId, name, served, chosenById, updatedAt: at },
      });
    }
  });
}

/**
 * Whether the org-wide installation serves this workspace: yes until an org admin has chosen, then only if chosen.
 * A workspace outside any org choice (no enterprise, or a single-workspace install) is always served.
 */
export async function orgServesWorkspace(db: Tx, enterpriseId: string, teamId: string): Promise<boolean> {
  const row = await db.orgWorkspace.findUnique({ where: { teamId }, select: { enterpriseId: true, served: true } });
  if (row?.enterpriseId === enterpriseId) return row.served;
  return (await db.orgWorkspace.count({ where: { enterpriseId } })) === 0;
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

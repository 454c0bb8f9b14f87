import {
  isServed,
  markAccessRevoked,
  orgInstallationOf,
  orgServesWorkspace,
  orgWorkspaceRows,
  saveOrgWorkspaceChoices,
  servesIntake,
  servesScheduledWork,
} from "../../db/org-workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { WorkspaceDeps } from "./deps.js";

/** A workspace of the org that Slack's org admins granted Baton (auth.teams.list). */
export interface GrantedWorkspace {
  id: string;
  name: string;
}

/** The org's workspaces as the settings section lists them, each with whether Baton serves it. */
export interface OrgWorkspaceList {
  /** False until an org admin has chosen: until then every granted workspace is served. */
  chosen: boolean;
  workspaces: (GrantedWorkspace & { served: boolean })[];
}

export interface OrgWorkspacesChoice {
  enterpriseId: string;
  actorId: string;
  /** Slack says the person is an admin or owner of the org (users.info enterprise_user). */
  actorIsOrgAdmin: boolean;
  granted: GrantedWorkspace[];
  servedIds: string[];
}

/**
 * Enterprise Grid: an org-wide installation serves the org's workspaces that an org admin chose (all of them until
 * someone chooses). Each workspace keeps its own data under its own team id, exactly as with its own installation.
 */
export class OrgWorkspaces {
  constructor(private readonly deps: Pick<WorkspaceDeps, "db" | "clock">) {}

  /** The org whose org-wide installation serves the workspace, if that is how Baton runs there. */
  orgOf(teamId: string): Promise<string | undefined> {
    return orgInstallationOf(this.deps.db, teamId);
  }

  /** Scheduled work (digests) runs only in workspaces Baton serves: its own install, or chosen by its org. */
  servesScheduledWork(teamId: string): Promise<boolean> {
    return servesScheduledWork(this.deps.db, teamId);
  }

  serves(enterpriseId: string, teamId: string): Promise<boolean> {
    return orgServesWorkspace(this.deps.db, enterpriseId, teamId);
  }

  /** Web forms and lead sources take leads only for a workspace Baton serves and has not been uninstalled from. */
  servesIntake(teamId: string): Promise<boolean> {
    return servesIntake(this.deps.db, teamId);
  }

  async list(enterpriseId: string, granted: GrantedWorkspace[]): Promise<OrgWorkspaceList> {
    const rows = await orgWorkspaceRows(this.deps.db, enterpriseId);
    const byTeam = new Map(rows.map((row) => [row.teamId, row]));
    const chosen = rows.some((row) => row.chosenById !== null);
    return { chosen, workspaces: granted.map((w) => ({ ...w, served: isServed(byTeam.get(w.id), chosen) })) };
  }

  /**
   * team_access_revoked: Slack no longer lets the org's token reach these workspaces. Each stops being served, as a
   * workspace the org admin left out: its data stays (purged only by the uninstall rules), its digests stop, and its
   * requests and web forms are refused, until an org admin chooses it again after Slack grants access back.
   */
  async accessRevoked(enterpriseId: string, teamIds: string[]): Promise<void> {
    await markAccessRevoked(this.deps.db, enterpriseId, validTeamIds(teamIds), this.deps.clock.now());
  }

  /**
   * team_access_granted: nothing changes by itself. A workspace new to the org is served only while no org admin has
   * chosen yet; one whose access was revoked before waits for an org admin to choose it. Returns the ones served now.
   */
  async accessGranted(enterpriseId: string, teamIds: string[]): Promise<{ served: string[]; waiting: string[] }> {
    const ids = validTeamIds(teamIds);
    const served = new Set<string>();
    for (const teamId of ids) if (await this.serves(enterpriseId, teamId)) served.add(teamId);
    return { served: [...served], waiting: ids.filter((id) => !served.has(id)) };
  }

  async choose(input: OrgWorkspacesChoice): Promise<void> {
    if (!input.actorIsOrgAdmin) {
      throw new AppError("forbidden", "Only an admin or owner of your Slack org can choose the workspaces Baton serves.");
    }
    const grantedIds = new Set(input.granted.map((w) => w.id));
    const servedIds = new Set(input.servedIds.filter((id) => grantedIds.has(id)));
    if (servedIds.size === 0) {
      throw new AppError("invalid_input", "Choose at least one workspace. To remove Baton from the whole org, uninstall it.", {
        workspaces: "Choose at least one workspace.",
      });
    }
    const choices = input.granted.map((w) => ({ teamId: w.id, name: w.name, served: servedIds.has(w.id) }));
    await saveOrgWorkspaceChoices(this.deps.db, input.enterpriseId, choices, input.actorId, this.deps.clock.now());
  }
}

/** Slack's workspace ids only (T…), each once: a payload's list is never trusted to be tidy. */
function validTeamIds(teamIds: unknown[]): string[] {
  return [...new Set(teamIds.filter((id): id is string => typeof id === "string" && /^T[A-Z0-9]{2,}$/.test(id)))];
}

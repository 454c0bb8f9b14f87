import {
  orgInstallationOf,
  orgServesWorkspace,
  orgWorkspaceChoices,
  saveOrgWorkspaceChoices,
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

  async list(enterpriseId: string, granted: GrantedWorkspace[]): Promise<OrgWorkspaceList> {
    const choices = await orgWorkspaceChoices(this.deps.db, enterpriseId);
    const served = new Map(choices.map((c) => [c.teamId, c.served]));
    return {
      chosen: choices.length > 0,
      workspaces: granted.map((w) => ({ ...w, served: choices.length === 0 || served.get(w.id) === true })),
    };
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

import { findWorkspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { PeopleDeps } from "./deps.js";

const asIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** Who may do what in a workspace: Baton admins and the sales team. */
export class Roles {
  constructor(private readonly deps: PeopleDeps) {}

  /** Baton admins: the workspace's listed admins, plus Slack's workspace admins and owners. */
  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (asIds(workspace?.adminUserIds).includes(userId)) return true;
    return this.deps.directory.isWorkspaceAdmin(teamId, userId);
  }

  async requireAdmin(teamId: string, userId: string, doing: string): Promise<void> {
    if (!(await this.isAdmin(teamId, userId))) {
      throw new AppError(
        "forbidden",
        `Only Baton admins can ${doing}. Ask a Slack workspace admin, or someone listed as a Baton admin in /baton settings.`,
      );
    }
  }

  /** The sales team: a user group and/or a list of people; when neither is set, every member but guests. */
  async isSalesRep(teamId: string, userId: string): Promise<boolean> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    const listed = asIds(workspace?.salesUserIds);
    const groupId = workspace?.salesUserGroupId;
    if (listed.length === 0 && !groupId) return !(await this.deps.directory.isGuest(teamId, userId));
    if (listed.includes(userId)) return true;
    return groupId ? (await this.deps.directory.userGroupMembers(teamId, groupId)).includes(userId) : false;
  }

  /** On a sales team an admin named (group or list); false while none is set, unlike isSalesRep. */
  async inNamedSalesTeam(teamId: string, userId: string): Promise<boolean> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (asIds(workspace?.salesUserIds).includes(userId)) return true;
    const groupId = workspace?.salesUserGroupId;
    return groupId ? (await this.deps.directory.userGroupMembers(teamId, groupId)).includes(userId) : false;
  }

  /** Throws a forbidden AppError, explaining who may, when the person is not on the sales team. */
  async requireSalesRep(teamId: string, userId: string, doing: string): Promise<void> {
    if (await this.isSalesRep(teamId, userId)) return;
    throw new AppError(
      "forbidden",
      `Only the sales team can ${doing}. A Baton admin sets who is on it in /baton settings → Channels and people.`,
    );
  }
}

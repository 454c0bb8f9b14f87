import type { Db } from "../../db/client.js";
import { findWorkspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { Directory } from "../ports.js";

const asIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** Who may do what in a workspace: Baton admins and the sales team. */
export class Roles {
  constructor(
    private readonly db: Db,
    private readonly directory: Directory,
  ) {}

  /** Baton admins: the workspace's listed admins, plus Slack's workspace admins and owners. */
  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    const workspace = await findWorkspace(this.db, teamId);
    if (asIds(workspace?.adminUserIds).includes(userId)) return true;
    return this.directory.isWorkspaceAdmin(teamId, userId);
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
    const workspace = await findWorkspace(this.db, teamId);
    const listed = asIds(workspace?.salesUserIds);
    const groupId = workspace?.salesUserGroupId;
    if (listed.length === 0 && !groupId) return !(await this.directory.isGuest(teamId, userId));
    if (listed.includes(userId)) return true;
    return groupId ? (await this.directory.userGroupMembers(teamId, groupId)).includes(userId) : false;
  }
}

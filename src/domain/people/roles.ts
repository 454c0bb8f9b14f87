import { findWorkspace, type Workspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { PeopleDeps } from "./deps.js";

/** Who is on the sales team, as the workspace's row says. */
export type SalesTeam = Pick<Workspace, "salesUserGroupId" | "salesUserIds">;

const asIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/**
 * How much of a lead a person may see: `full` (contact, notes, deal values, history), `headline` (name, title,
 * company, campaign, fit, stage: what a channel card names) or `none` (guests).
 */
export type LeadAccess = "full" | "headline" | "none";

/** The people a lead's own record names: whoever logged it and whoever owns it always see it in full. */
export interface LeadPeople {
  createdById: string;
  ownerId: string | null;
}

const GUESTS_REFUSED =
  "Baton's customer data is for members of this workspace; guests cannot see or change leads. Ask a workspace member for what you need.";

/**
 * Who may do what in a workspace. Guests (single- and multi-channel) are on no team, whatever the settings say:
 * they never see a lead's personal data, never export and never decide a handoff.
 */
export class Roles {
  constructor(private readonly deps: PeopleDeps) {}

  isGuest(teamId: string, userId: string): Promise<boolean> {
    return this.deps.directory.isGuest(teamId, userId);
  }

  /** Baton admins: the workspace's listed admins, plus Slack's workspace admins and owners. */
  async isAdmin(teamId: string, userId: string): Promise<boolean> {
    return this.listedOrSlackAdmin(await findWorkspace(this.deps.db, teamId), teamId, userId);
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
  async isSalesRep(teamId: string, userId: string, team?: SalesTeam | null): Promise<boolean> {
    if (await this.isGuest(teamId, userId)) return false;
    const workspace = team === undefined ? await findWorkspace(this.deps.db, teamId) : team;
    return this.inTeam(teamId, userId, workspace?.salesUserGroupId ?? null, workspace?.salesUserIds, true);
  }

  /** On a sales team an admin named (group or list); false while none is set, unlike isSalesRep. */
  async inNamedSalesTeam(teamId: string, userId: string): Promise<boolean> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (asIds(workspace?.salesUserIds).includes(userId)) return true;
    const groupId = workspace?.salesUserGroupId;
    return groupId ? (await this.deps.directory.userGroupMembers(teamId, groupId)).includes(userId) : false;
  }

  /**
   * Throws a forbidden AppError, explaining who may, when the person is not on the sales team. A caller that read
   * the workspace's row already (with the handoff, on the Accept path) passes its sales team, saving a read.
   */
  async requireSalesRep(teamId: string, userId: string, doing: string, team?: SalesTeam | null): Promise<void> {
    if (await this.isSalesRep(teamId, userId, team)) return;
    if (await this.isGuest(teamId, userId)) throw new AppError("forbidden", GUESTS_REFUSED);
    throw new AppError(
      "forbidden",
      `Only the sales team can ${doing}. A Baton admin sets who is on it in /baton settings → Channels and people.`,
    );
  }

  /** Full for the sales team, marketing, admins and the lead's own people; headline for other members; none for guests. */
  async leadAccess(teamId: string, userId: string, lead: LeadPeople): Promise<LeadAccess> {
    return (await this.accessToLeads(teamId, userId))(lead);
  }

  /**
   * The person's access to each lead, decided once (their teams and guest status) and then per lead (whoever logged
   * or owns a lead sees it in full): for a list of leads, one workspace read and one guest check in all.
   */
  async accessToLeads(teamId: string, userId: string): Promise<(lead: LeadPeople) => LeadAccess> {
    if (await this.isGuest(teamId, userId)) return () => "none";
    const full = await this.seesLeadsInFull(teamId, userId, await findWorkspace(this.deps.db, teamId));
    return (lead) => (full || lead.createdById === userId || lead.ownerId === userId ? "full" : "headline");
  }

  /** Refuses guests anything about leads (finding, opening, logging, moving). */
  async requireMember(teamId: string, userId: string): Promise<void> {
    if (await this.isGuest(teamId, userId)) throw new AppError("forbidden", GUESTS_REFUSED);
  }

  /** Refuses unless the person sees this lead in full (editing it, erasing it, changing its deal). */
  async requireFullLeadAccess(teamId: string, userId: string, lead: LeadPeople, doing: string): Promise<void> {
    const access = await this.leadAccess(teamId, userId, lead);
    if (access === "full") return;
    if (access === "none") throw new AppError("forbidden", GUESTS_REFUSED);
    throw new AppError(
      "forbidden",
      `Only the sales team, marketing and Baton admins can ${doing}. A Baton admin sets who is on each team in /baton settings → Customer data.`,
    );
  }

  /** Bulk export: Baton admins and the export role the admins pick; never guests. */
  async mayExport(teamId: string, userId: string): Promise<boolean> {
    if (await this.isGuest(teamId, userId)) return false;
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (await this.listedOrSlackAdmin(workspace, teamId, userId)) return true;
    return this.inTeam(teamId, userId, workspace?.exportUserGroupId ?? null, workspace?.exportUserIds, false);
  }

  async requireExport(teamId: string, userId: string): Promise<void> {
    if (await this.mayExport(teamId, userId)) return;
    if (await this.isGuest(teamId, userId)) throw new AppError("forbidden", GUESTS_REFUSED);
    throw new AppError(
      "forbidden",
      "Exporting every lead is for Baton admins and the people they allow in /baton settings → Customer data. Ask an admin to export for you, or use /lead find.",
    );
  }

  /** The people listed as Baton admins (Slack's admins and owners are not listed anywhere Baton can read cheaply). */
  async listedAdmins(teamId: string): Promise<string[]> {
    return asIds((await findWorkspace(this.deps.db, teamId))?.adminUserIds);
  }

  /** For someone known not to be a guest. */
  private async seesLeadsInFull(teamId: string, userId: string, workspace: Workspace | null): Promise<boolean> {
    if (await this.inTeam(teamId, userId, workspace?.salesUserGroupId ?? null, workspace?.salesUserIds, true)) return true;
    if (await this.inTeam(teamId, userId, workspace?.marketingUserGroupId ?? null, workspace?.marketingUserIds, true)) return true;
    return this.listedOrSlackAdmin(workspace, teamId, userId);
  }

  private async listedOrSlackAdmin(workspace: Workspace | null, teamId: string, userId: string): Promise<boolean> {
    if (asIds(workspace?.adminUserIds).includes(userId)) return true;
    return this.deps.directory.isWorkspaceAdmin(teamId, userId);
  }

  /** In a group and/or list; with neither set, everyone when `emptyMeansEveryone`, else nobody (guests are the caller's check). */
  private async inTeam(
    teamId: string,
    userId: string,
    groupId: string | null,
    ids: unknown,
    emptyMeansEveryone: boolean,
  ): Promise<boolean> {
    const listed = asIds(ids);
    if (listed.length === 0 && !groupId) return emptyMeansEveryone;
    if (listed.includes(userId)) return true;
    return groupId ? (await this.deps.directory.userGroupMembers(teamId, groupId)).includes(userId) : false;
  }
}

import { deleteInstallationRows, findInstallationRow, replaceInstallationPayload, saveInstallationRow } from "../../db/installations.js";
import { reinstalledWithOrg } from "../../db/org-workspaces.js";
import { findWorkspace, setWebhookSecret } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import type { InstallationDeps } from "./deps.js";

/** What Baton reads from an installation; the rest of Slack's record is kept as it came, encrypted. */
export interface InstallationRecord {
  team?: { id: string; name?: string } | undefined;
  enterprise?: { id: string; name?: string } | undefined;
  isEnterpriseInstall?: boolean | undefined;
  bot?: { token: string; id?: string; userId?: string } | undefined;
  user?: { id: string; token?: string | undefined } | undefined;
  [key: string]: unknown;
}

/** Which installation a request belongs to, as Slack says it: an org-wide one (by enterprise) or a workspace's own. */
export interface InstallationQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * OAuth installations (distributed mode): one per workspace, or one for a whole Enterprise Grid org (keyed by its
 * enterprise id, serving every workspace of the org with the org's token). The whole record, tokens included, is
 * stored encrypted with ENCRYPTION_KEY; only ids needed for lookups stay readable.
 */
export class Installations {
  constructor(private readonly deps: InstallationDeps) {}

  async save(installation: InstallationRecord): Promise<void> {
    const teamId = installation.isEnterpriseInstall ? undefined : installation.team?.id;
    const installKey = installation.isEnterpriseInstall ? installation.enterprise?.id : teamId;
    if (!installKey) throw new AppError("invalid_input", "Slack's installation names neither a workspace nor an org.");
    await saveInstallationRow(
      this.deps.db,
      {
        installKey,
        teamId: teamId ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        botUserId: installation.bot?.userId ?? null,
        botId: installation.bot?.id ?? null,
        payload: this.seal(installation),
      },
      this.deps.clock.now(),
    );
    // Installed org-wide again within the retention period: the org's workspaces keep their data (as one does).
    if (installation.isEnterpriseInstall && installKey) await reinstalledWithOrg(this.deps.db, installKey);
  }

  async find(teamId: string): Promise<InstallationRecord | undefined> {
    const row = await findInstallationRow(this.deps.db, teamId);
    return row ? this.open(row.payload) : undefined;
  }

  /** The installation a request comes through: its org's for an org-wide install, else its workspace's. */
  async findFor(query: InstallationQuery): Promise<InstallationRecord | undefined> {
    if (query.isEnterpriseInstall) return query.enterpriseId ? this.find(query.enterpriseId) : undefined;
    return query.teamId ? this.find(query.teamId) : undefined;
  }

  /** A workspace's bot token for work without a request (jobs, notifiers): its own, else its org's. */
  async botTokenFor(teamId: string): Promise<string | undefined> {
    const own = await this.find(teamId);
    if (own) return own.bot?.token;
    const enterpriseId = (await findWorkspace(this.deps.db, teamId))?.enterpriseId;
    return enterpriseId ? (await this.find(enterpriseId))?.bot?.token : undefined;
  }

  /** An org-wide install was removed: forget the org's tokens. Returns how many rows went. */
  async forgetEnterprise(enterpriseId: string): Promise<number> {
    return deleteInstallationRows(this.deps.db, { installKey: enterpriseId });
  }

  /** The app was uninstalled (or its bot token revoked): forget its tokens and close its web-form intake. */
  async forgetWorkspace(teamId: string): Promise<number> {
    const deleted = await deleteInstallationRows(this.deps.db, { installKey: teamId, teamId });
    await setWebhookSecret(this.deps.db, teamId, null);
    return deleted;
  }

  /** Some people's user tokens were revoked: drop the installing user's token if it is among them. */
  async forgetUserTokens(teamId: string, userIds: string[]): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await findInstallationRow(this.deps.db, teamId);
      if (!row) return;
      const installation = this.open(row.payload);
      if (!installation.user?.token || !userIds.includes(installation.user.id)) return;
      const after = this.seal({ ...installation, user: { ...installation.user, token: undefined } });
      if (await replaceInstallationPayload(this.deps.db, teamId, row.payload, after, this.deps.clock.now())) return;
    }
  }

  private seal(installation: InstallationRecord): string {
    if (!this.deps.box) throw new AppError("not_configured", "ENCRYPTION_KEY is required to store installations.");
    return this.deps.box.encrypt(JSON.stringify(installation));
  }

  private open(payload: string): InstallationRecord {
    if (!this.deps.box) throw new AppError("not_configured", "ENCRYPTION_KEY is required to read installations.");
    return JSON.parse(this.deps.box.decrypt(payload)) as InstallationRecord;
  }
}

import type { Db } from "../../db/client.js";
import { deleteInstallationRows, findInstallationRow, replaceInstallationPayload, saveInstallationRow } from "../../db/installations.js";
import { setWebhookSecret } from "../../db/workspaces.js";
import type { Clock } from "../../lib/clock.js";
import type { SecretBox } from "../../lib/crypto.js";
import { AppError } from "../../lib/errors.js";

/** What Baton reads from an installation; the rest of Slack's record is kept as it came, encrypted. */
export interface InstallationRecord {
  team?: { id: string; name?: string } | undefined;
  enterprise?: { id: string; name?: string } | undefined;
  isEnterpriseInstall?: boolean | undefined;
  bot?: { token: string; id?: string; userId?: string } | undefined;
  user?: { id: string; token?: string | undefined } | undefined;
  [key: string]: unknown;
}

/**
 * OAuth installations (distributed mode), one per workspace. The whole record, tokens included, is stored
 * encrypted with ENCRYPTION_KEY; only ids needed for lookups stay readable.
 */
export class Installations {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly box: SecretBox | undefined,
  ) {}

  async save(installation: InstallationRecord): Promise<void> {
    const teamId = installation.team?.id;
    if (installation.isEnterpriseInstall || !teamId) {
      throw new AppError("invalid_input", "Baton is installed one workspace at a time; org-wide installs are not supported.");
    }
    await saveInstallationRow(
      this.db,
      {
        installKey: teamId,
        teamId,
        enterpriseId: installation.enterprise?.id ?? null,
        botUserId: installation.bot?.userId ?? null,
        botId: installation.bot?.id ?? null,
        payload: this.seal(installation),
      },
      this.clock.now(),
    );
  }

  async find(teamId: string): Promise<InstallationRecord | undefined> {
    const row = await findInstallationRow(this.db, teamId);
    return row ? this.open(row.payload) : undefined;
  }

  async botTokenFor(teamId: string): Promise<string | undefined> {
    return (await this.find(teamId))?.bot?.token;
  }

  /** The app was uninstalled (or its bot token revoked): forget its tokens and close its web-form intake. */
  async forgetWorkspace(teamId: string): Promise<number> {
    const deleted = await deleteInstallationRows(this.db, { installKey: teamId, teamId });
    await setWebhookSecret(this.db, teamId, null);
    return deleted;
  }

  /** Some people's user tokens were revoked: drop the installing user's token if it is among them. */
  async forgetUserTokens(teamId: string, userIds: string[]): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await findInstallationRow(this.db, teamId);
      if (!row) return;
      const installation = this.open(row.payload);
      if (!installation.user?.token || !userIds.includes(installation.user.id)) return;
      const after = this.seal({ ...installation, user: { ...installation.user, token: undefined } });
      if (await replaceInstallationPayload(this.db, teamId, row.payload, after, this.clock.now())) return;
    }
  }

  private seal(installation: InstallationRecord): string {
    if (!this.box) throw new AppError("not_configured", "ENCRYPTION_KEY is required to store installations.");
    return this.box.encrypt(JSON.stringify(installation));
  }

  private open(payload: string): InstallationRecord {
    if (!this.box) throw new AppError("not_configured", "ENCRYPTION_KEY is required to read installations.");
    return JSON.parse(this.box.decrypt(payload)) as InstallationRecord;
  }
}

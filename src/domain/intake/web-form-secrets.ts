import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { replaceIntakeSecret } from "../../db/intake-secrets.js";
import { findWorkspace, setWebhookSecret } from "../../db/workspaces.js";
import { isSealed, type OptionalSecrets } from "../../lib/crypto.js";

/**
 * The per-workspace secret web forms sign their requests with; encrypted at rest whenever ENCRYPTION_KEY is set (one
 * stored before the key was set is sealed the first time it is read, and by `sealPlainSecrets`).
 */
export class WebFormSecrets {
  constructor(
    private readonly db: Db,
    private readonly secrets: OptionalSecrets,
  ) {}

  async current(teamId: string): Promise<string | undefined> {
    const stored = (await findWorkspace(this.db, teamId))?.webhookSecret;
    if (!stored) return undefined;
    try {
      const secret = this.secrets.open(stored);
      if (this.secrets.encrypting && !isSealed(stored)) {
        await replaceIntakeSecret(this.db, { kind: "web_form", id: teamId, teamId, stored }, this.secrets.seal(secret));
      }
      return secret;
    } catch {
      return undefined; // sealed with a key Baton no longer has: admins rotate to get a new one
    }
  }

  /** The current secret, making one the first time an admin looks. */
  async ensure(teamId: string): Promise<string> {
    return (await this.current(teamId)) ?? this.rotate(teamId);
  }

  /** A new secret; the old one stops working at once. Returns what is stored (the last of two racing rotations). */
  async rotate(teamId: string): Promise<string> {
    const secret = `bwf_${randomBytes(24).toString("hex")}`;
    await setWebhookSecret(this.db, teamId, this.secrets.seal(secret));
    return (await this.current(teamId)) ?? secret;
  }
}

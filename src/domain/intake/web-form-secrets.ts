import { randomBytes } from "node:crypto";
import { replaceIntakeSecret } from "../../db/intake-secrets.js";
import { findWorkspace, setWebhookSecret } from "../../db/workspaces.js";
import { isSealed } from "../../lib/crypto.js";
import type { IntakeDeps } from "./deps.js";

/**
 * The per-workspace secret web forms sign their requests with; encrypted at rest whenever ENCRYPTION_KEY is set (one
 * stored before the key was set is sealed the first time it is read, and by `sealPlainSecrets`).
 */
export class WebFormSecrets {
  constructor(private readonly deps: Pick<IntakeDeps, "db" | "box">) {}

  async current(teamId: string): Promise<string | undefined> {
    const stored = (await findWorkspace(this.deps.db, teamId))?.webhookSecret;
    if (!stored) return undefined;
    try {
      const secret = this.deps.box.open(stored);
      if (this.deps.box.encrypting && !isSealed(stored)) {
        await replaceIntakeSecret(this.deps.db, { kind: "web_form", id: teamId, teamId, stored }, this.deps.box.seal(secret));
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
    await setWebhookSecret(this.deps.db, teamId, this.deps.box.seal(secret));
    return (await this.current(teamId)) ?? secret;
  }
}

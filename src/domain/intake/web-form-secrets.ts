import { randomBytes } from "node:crypto";
import { findWorkspace, setWebhookSecret } from "../../db/workspaces.js";
import type { IntakeDeps } from "./deps.js";

/** The per-workspace secret web forms sign their requests with; encrypted at rest when ENCRYPTION_KEY is set. */
export class WebFormSecrets {
  constructor(private readonly deps: Pick<IntakeDeps, "db" | "box">) {}

  async current(teamId: string): Promise<string | undefined> {
    const stored = (await findWorkspace(this.deps.db, teamId))?.webhookSecret;
    if (!stored) return undefined;
    try {
      return this.deps.box.open(stored);
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

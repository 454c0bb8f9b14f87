import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { SecretBox } from "../../lib/crypto.js";

/** What stored installations need. */
export interface InstallationDeps {
  db: Db;
  clock: Clock;
  /** ENCRYPTION_KEY's box; without it no installation can be stored or read. */
  box?: SecretBox;
}

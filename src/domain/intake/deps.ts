import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { OptionalSecrets } from "../../lib/crypto.js";
import type { Logger } from "../../lib/logger.js";
import type { NewLeadAnnouncer } from "../ports.js";

/** What leads from web forms need. */
export interface IntakeDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Seals the web-form secrets with ENCRYPTION_KEY when there is one. */
  box: OptionalSecrets;
  announcer: NewLeadAnnouncer;
  /** Requests per minute per workspace. */
  rateLimit: number;
}

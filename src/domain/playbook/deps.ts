import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { OutboxPort } from "../outbox/outbox.js";
import type { Roles } from "../people/roles.js";

/** What the playbook's use cases need. */
export interface PlaybookDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  roles: Roles;
  /** Announcements are outbox effects: written with the change, delivered right after it. */
  outbox: OutboxPort;
}

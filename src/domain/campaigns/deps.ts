import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { Roles } from "../people/roles.js";
import type { PlaybookAnnouncer } from "../ports.js";

/** What the campaign use cases need. */
export interface CampaignDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  roles: Roles;
  announcer: PlaybookAnnouncer;
}

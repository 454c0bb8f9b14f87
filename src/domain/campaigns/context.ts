import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
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

export const nameTaken = (name: string) =>
  new AppError("invalid_input", "That name is taken.", {
    name: `There's already a campaign called “${name}” in this workspace (names ignore upper and lower case). Pick another name.`,
  });

export const notFound = () => new AppError("not_found", "That campaign doesn't exist in this workspace.");

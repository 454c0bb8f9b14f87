import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { Roles } from "../people/roles.js";

export interface WorkspaceDefaults {
  timezone: string;
  salesChannelId?: string;
  marketingChannelId?: string;
  /** When the default digests post (DIGEST_CRON, in `timezone`). */
  digestCron?: string;
}

/** What workspaces and their settings need. */
export interface WorkspaceDeps {
  db: Db;
  clock: Clock;
  roles: Roles;
  /** What a new workspace starts with (the deployment's configuration). */
  defaults: WorkspaceDefaults;
}

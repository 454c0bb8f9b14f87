// The domain's use cases, built once per process and handed to the Slack layer and the jobs.
import type { Db } from "../db/client.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import { Campaigns } from "./campaigns/campaigns.js";
import { Roles } from "./people/roles.js";
import { Playbook } from "./playbook/playbook.js";
import type { Directory, PlaybookAnnouncer } from "./ports.js";
import { type WorkspaceDefaults, Workspaces } from "./workspaces/workspaces.js";

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: Directory;
  defaults: WorkspaceDefaults;
  announcer: PlaybookAnnouncer;
}

export interface Services {
  workspaces: Workspaces;
  roles: Roles;
  campaigns: Campaigns;
  playbook: Playbook;
}

export function createServices(deps: ServiceDeps): Services {
  const roles = new Roles(deps.db, deps.directory);
  const playbookDeps = { db: deps.db, clock: deps.clock, logger: deps.logger, roles, announcer: deps.announcer };
  return {
    workspaces: new Workspaces(deps.db, deps.defaults),
    roles,
    campaigns: new Campaigns(playbookDeps),
    playbook: new Playbook(playbookDeps),
  };
}

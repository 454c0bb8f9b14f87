// The domain's use cases, built once per process and handed to the Slack layer and the jobs.
import type { Db } from "../db/client.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import { Roles } from "./people/roles.js";
import type { Directory } from "./ports.js";
import { type WorkspaceDefaults, Workspaces } from "./workspaces/workspaces.js";

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: Directory;
  defaults: WorkspaceDefaults;
}

export interface Services {
  workspaces: Workspaces;
  roles: Roles;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    workspaces: new Workspaces(deps.db, deps.defaults),
    roles: new Roles(deps.db, deps.directory),
  };
}

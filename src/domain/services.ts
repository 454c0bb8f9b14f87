// The domain's use cases, built once per process and handed to the Slack layer and the jobs.
import type { Db } from "../db/client.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import { Handoffs } from "./handoffs/handoffs.js";
import { Home } from "./home/home.js";
import { Leads } from "./leads/leads.js";
import { Roles } from "./people/roles.js";
import type { Directory, HandoffNotifier } from "./ports.js";
import { Rotation } from "./routing/rotation-service.js";
import { SlaLadder } from "./sla/run-due-steps.js";
import { ChannelsAndPeople } from "./workspaces/channels-and-people.js";
import { type WorkspaceDefaults, Workspaces } from "./workspaces/workspaces.js";

export interface ServiceDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: Directory;
  defaults: WorkspaceDefaults;
  handoffNotifier: HandoffNotifier;
}

export interface Services {
  workspaces: Workspaces;
  roles: Roles;
  leads: Leads;
  handoffs: Handoffs;
  rotation: Rotation;
  sla: SlaLadder;
  home: Home;
  channelsAndPeople: ChannelsAndPeople;
}

export function createServices(deps: ServiceDeps): Services {
  const roles = new Roles(deps.db, deps.directory);
  const leadDeps = {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    directory: deps.directory,
    roles,
    notifier: deps.handoffNotifier,
  };
  return {
    workspaces: new Workspaces(deps.db, deps.defaults),
    roles,
    leads: new Leads(leadDeps),
    handoffs: new Handoffs(leadDeps),
    rotation: new Rotation(deps.db, roles),
    sla: new SlaLadder(leadDeps),
    home: new Home(deps.db, deps.clock),
    channelsAndPeople: new ChannelsAndPeople(deps.db, roles),
  };
}

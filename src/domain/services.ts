// The domain's use cases, built once per process and handed to the Slack layer and the jobs.
import type { Db } from "../db/client.js";
import type { Provider } from "../db/target.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import { Campaigns } from "./campaigns/campaigns.js";
import { DigestRuns } from "./funnel/digest-runs.js";
import { FunnelService } from "./funnel/funnel-service.js";
import type { DigestFaults, DigestPublisher } from "./funnel/ports.js";
import { DigestSchedules } from "./funnel/schedules.js";
import { Subscriptions } from "./funnel/subscriptions.js";
import { Handoffs } from "./handoffs/handoffs.js";
import { Home } from "./home/home.js";
import { Leads } from "./leads/leads.js";
import { Roles } from "./people/roles.js";
import { Playbook } from "./playbook/playbook.js";
import type { Directory, HandoffNotifier, PlaybookAnnouncer } from "./ports.js";
import { Rotation } from "./routing/rotation-service.js";
import { SlaLadder } from "./sla/run-due-steps.js";
import { ChannelsAndPeople } from "./workspaces/channels-and-people.js";
import { type WorkspaceDefaults, Workspaces } from "./workspaces/workspaces.js";

export interface ServiceDeps {
  db: Db;
  /** Which database: the few raw queries that differ between them branch on it. */
  provider: Provider;
  clock: Clock;
  logger: Logger;
  directory: Directory;
  defaults: WorkspaceDefaults;
  announcer: PlaybookAnnouncer;
  digestPublisher: DigestPublisher;
  /** Names this process in claimed job runs. */
  replicaId: string;
  /** Test-only: simulates a replica dying in the middle of a digest run. */
  digestFaults?: DigestFaults;
  handoffNotifier: HandoffNotifier;
}

export interface Services {
  workspaces: Workspaces;
  roles: Roles;
  campaigns: Campaigns;
  playbook: Playbook;
  funnel: FunnelService;
  digestSchedules: DigestSchedules;
  digestRuns: DigestRuns;
  subscriptions: Subscriptions;
  leads: Leads;
  handoffs: Handoffs;
  rotation: Rotation;
  sla: SlaLadder;
  home: Home;
  channelsAndPeople: ChannelsAndPeople;
}

export function createServices(deps: ServiceDeps): Services {
  const roles = new Roles(deps.db, deps.directory);
  const playbookDeps = { db: deps.db, clock: deps.clock, logger: deps.logger, roles, announcer: deps.announcer };
  const funnelDeps = { db: deps.db, provider: deps.provider, clock: deps.clock };
  const leadDeps = {
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    directory: deps.directory,
    roles,
    notifier: deps.handoffNotifier,
  };
  const funnel = new FunnelService(funnelDeps);
  return {
    workspaces: new Workspaces(deps.db, deps.defaults, deps.clock),
    roles,
    leads: new Leads(leadDeps),
    handoffs: new Handoffs(leadDeps),
    rotation: new Rotation(deps.db, roles),
    sla: new SlaLadder(leadDeps),
    home: new Home(deps.db, deps.clock),
    channelsAndPeople: new ChannelsAndPeople(deps.db, roles),
    campaigns: new Campaigns(playbookDeps),
    playbook: new Playbook(playbookDeps),
    funnel,
    digestSchedules: new DigestSchedules(deps.db, deps.clock),
    digestRuns: new DigestRuns({
      ...funnelDeps,
      logger: deps.logger.child({ component: "digests" }),
      publisher: deps.digestPublisher,
      replicaId: deps.replicaId,
      ...(deps.digestFaults ? { faults: deps.digestFaults } : {}),
    }),
    subscriptions: new Subscriptions(deps.db, funnel),
  };
}

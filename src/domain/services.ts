// The domain's use cases, built once per process and handed to the Slack layer and the jobs.
import type { Db } from "../db/client.js";
import type { Provider } from "../db/target.js";
import type { Clock } from "../lib/clock.js";
import { OptionalSecrets, SecretBox } from "../lib/crypto.js";
import type { Logger } from "../lib/logger.js";
import { createMetrics, type Metrics } from "../lib/metrics.js";
import { Campaigns } from "./campaigns/campaigns.js";
import { DigestRuns } from "./funnel/digest-runs.js";
import { FunnelCache } from "./funnel/funnel-cache.js";
import { FunnelService } from "./funnel/funnel-service.js";
import type { DigestFaults, DigestPublisher } from "./funnel/ports.js";
import { DigestSchedules } from "./funnel/schedules.js";
import { Subscriptions } from "./funnel/subscriptions.js";
import { Handoffs } from "./handoffs/handoffs.js";
import { Home } from "./home/home.js";
import { Installations } from "./installations/installations.js";
import { WebForms } from "./intake/web-forms.js";
import { LeadFiles } from "./leads/lead-files.js";
import { Leads } from "./leads/leads.js";
import { pruneOperationalRows } from "./operations/housekeeping.js";
import { type RotationCounts, reencryptUnderCurrentKey } from "./operations/key-rotation.js";
import { SlackEvents } from "./operations/slack-events.js";
import { Roles } from "./people/roles.js";
import { Playbook } from "./playbook/playbook.js";
import type { Directory, HandoffNotifier, NewLeadAnnouncer, PlaybookAnnouncer } from "./ports.js";
import { Rotation } from "./routing/rotation-service.js";
import { SlaLadder } from "./sla/run-due-steps.js";
import { ChannelsAndPeople } from "./workspaces/channels-and-people.js";
import { ServedTeams } from "./workspaces/served-teams.js";
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
  handoffNotifier: HandoffNotifier;
  digestPublisher: DigestPublisher;
  /** Announces leads that arrive from web forms in the marketing channel. */
  leadAnnouncer: NewLeadAnnouncer;
  /** Names this process in claimed job runs. */
  replicaId: string;
  /** Counters every area increments (digest runs, SLA breaches, ...); a private registry when not given. */
  metrics?: Metrics;
  /** ENCRYPTION_KEY: installations need it; web-form secrets are encrypted with it when given. */
  encryptionKey?: Buffer;
  /** ENCRYPTION_KEY_PREVIOUS: still decrypts, while everything is re-encrypted with ENCRYPTION_KEY. */
  previousEncryptionKey?: Buffer;
  /** POST /webhooks/leads requests per minute per workspace (default 60). */
  webhookRateLimit?: number;
  /** Days after app_uninstalled before a workspace's data is purged (default 30). */
  retentionDaysAfterUninstall?: number;
  /** Test-only: simulates a replica dying in the middle of a digest run. */
  digestFaults?: DigestFaults;
}

export interface Services {
  workspaces: Workspaces;
  servedTeams: ServedTeams;
  roles: Roles;
  metrics: Metrics;
  leads: Leads;
  handoffs: Handoffs;
  rotation: Rotation;
  sla: SlaLadder;
  home: Home;
  channelsAndPeople: ChannelsAndPeople;
  campaigns: Campaigns;
  playbook: Playbook;
  funnel: FunnelService;
  digestSchedules: DigestSchedules;
  digestRuns: DigestRuns;
  subscriptions: Subscriptions;
  installations: Installations;
  webForms: WebForms;
  leadFiles: LeadFiles;
  slackEvents: SlackEvents;
  housekeeping: { pruneOperationalRows(): Promise<Record<string, number>> };
  /** Re-encrypts what is still under ENCRYPTION_KEY_PREVIOUS; nothing to do without encryption. */
  secretsAtRest: { reencryptUnderCurrentKey(): Promise<RotationCounts> };
}

export function createServices(deps: ServiceDeps): Services {
  const { db, clock, provider } = deps;
  const metrics = deps.metrics ?? createMetrics({ defaultMetrics: false });
  const roles = new Roles(db, deps.directory);
  const playbookDeps = { db, clock, logger: deps.logger, roles, announcer: deps.announcer };
  const funnelDeps = { db, provider, clock };
  const leadDeps = { db, clock, logger: deps.logger, directory: deps.directory, roles, notifier: deps.handoffNotifier, metrics };
  const funnel = new FunnelService(funnelDeps, new FunnelCache(funnelDeps));
  const previousKeys = deps.previousEncryptionKey ? [deps.previousEncryptionKey] : [];
  const box = deps.encryptionKey ? new SecretBox(deps.encryptionKey, previousKeys) : undefined;
  const workspaces = new Workspaces(db, deps.defaults, clock);
  const retentionDays = deps.retentionDaysAfterUninstall ?? 30;
  return {
    workspaces,
    servedTeams: new ServedTeams(),
    roles,
    metrics,
    leads: new Leads(leadDeps),
    handoffs: new Handoffs(leadDeps),
    rotation: new Rotation(db, roles),
    sla: new SlaLadder(leadDeps),
    home: new Home(db, clock),
    channelsAndPeople: new ChannelsAndPeople(db, roles),
    campaigns: new Campaigns(playbookDeps),
    playbook: new Playbook(playbookDeps),
    funnel,
    digestSchedules: new DigestSchedules(db, clock),
    digestRuns: new DigestRuns({
      ...funnelDeps,
      logger: deps.logger.child({ component: "digests" }),
      publisher: deps.digestPublisher,
      replicaId: deps.replicaId,
      metrics,
      ...(deps.digestFaults ? { faults: deps.digestFaults } : {}),
    }),
    subscriptions: new Subscriptions(db, funnel),
    installations: new Installations(db, clock, box),
    webForms: new WebForms({
      db,
      clock,
      logger: deps.logger,
      secrets: new OptionalSecrets(deps.encryptionKey, previousKeys),
      announcer: deps.leadAnnouncer,
      rateLimit: deps.webhookRateLimit ?? 60,
    }),
    leadFiles: new LeadFiles({ db, provider, clock, metrics }),
    slackEvents: new SlackEvents(db, clock),
    housekeeping: {
      pruneOperationalRows: async () => ({
        ...(await pruneOperationalRows(db, clock)),
        uninstalledWorkspaces: await workspaces.purgeUninstalled(retentionDays),
      }),
    },
    secretsAtRest: {
      reencryptUnderCurrentKey: async () => (box ? reencryptUnderCurrentKey(db, box) : { reencrypted: 0, current: 0, unreadable: 0 }),
    },
  };
}

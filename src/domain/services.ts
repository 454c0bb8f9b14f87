// The domain's services, built once per process from each area's deps and handed to the Slack layer and the jobs.
import type { Db } from "../db/client.js";
import type { OutboxEffect } from "../db/outbox.js";
import type { Provider } from "../db/target.js";
import type { Clock } from "../lib/clock.js";
import { OptionalSecrets, SecretBox } from "../lib/crypto.js";
import type { InFlight } from "../lib/in-flight.js";
import type { Logger } from "../lib/logger.js";
import { createMetrics, type Metrics } from "../lib/metrics.js";
import { Campaigns } from "./campaigns/campaigns.js";
import { DigestRuns } from "./digests/digest-runs.js";
import { DigestSchedules } from "./digests/digest-schedules.js";
import { OnDemandDigests } from "./digests/on-demand-digests.js";
import type { DigestPublisher } from "./digests/ports.js";
import { Subscriptions } from "./digests/subscriptions.js";
import { FunnelCache } from "./funnel/funnel-cache.js";
import { FunnelService } from "./funnel/funnel-service.js";
import { Handoffs } from "./handoffs/handoffs.js";
import { Home } from "./home/home.js";
import type { Installations } from "./installations/installations.js";
import { LeadSources } from "./intake/lead-sources.js";
import { sealPlainSecrets } from "./intake/seal-secrets.js";
import { WebForms } from "./intake/web-forms.js";
import { LeadFiles } from "./leads/lead-files.js";
import { Leads } from "./leads/leads.js";
import { ExchangeRateSettings } from "./money/exchange-rate-settings.js";
import { type RotationCounts, reencryptUnderCurrentKey } from "./operations/key-rotation.js";
import { pruneOperationalRows } from "./operations/prune-operational-rows.js";
import { SlackEvents } from "./operations/slack-events.js";
import { SlackInteractions } from "./operations/slack-interactions.js";
import { reportDeadLetters, reportMissedDeadLetters } from "./outbox/dead-letters.js";
import { effectHandlers, effectRecorders } from "./outbox/handlers.js";
import { handoffHandlers, handoffOnFound } from "./outbox/handoff-handlers.js";
import { Outbox } from "./outbox/outbox.js";
import { Roles } from "./people/roles.js";
import { Playbook } from "./playbook/playbook.js";
import type {
  AdminReports,
  Directory,
  EffectLedger,
  HandoffNotifier,
  LeadExportsPort,
  NewLeadAnnouncer,
  PlaybookAnnouncer,
} from "./ports.js";
import { Rotation } from "./routing/rotation.js";
import { SlaLadder } from "./sla/sla-ladder.js";
import { WorkflowSteps } from "./workflows/workflow-steps.js";
import { ChannelsAndPeople } from "./workspaces/channels-and-people.js";
import { CustomerData } from "./workspaces/customer-data.js";
import type { WorkspaceDefaults } from "./workspaces/deps.js";
import { OrgWorkspaces } from "./workspaces/org-workspaces.js";
import { ServedTeams } from "./workspaces/served-teams.js";
import { Workspaces } from "./workspaces/workspaces.js";

/** What the domain needs from the outside world: the Slack layer implements each (src/slack/notifiers/ ...). */
export interface Ports {
  directory: Directory;
  announcer: PlaybookAnnouncer;
  handoffNotifier: HandoffNotifier;
  digestPublisher: DigestPublisher;
  /** Announces leads that arrive from web forms in the marketing channel. */
  leadAnnouncer: NewLeadAnnouncer;
  leadExports: LeadExportsPort;
  /** Finds a message an outbox effect may have posted before a crash. */
  effectLedger: EffectLedger;
  /** The admins' report of outbox dead letters; none: they are only logged. */
  adminReports?: AdminReports;
}

export interface ServiceDeps extends Ports {
  db: Db;
  /** Which database: the few raw queries that differ between them branch on it. */
  provider: Provider;
  clock: Clock;
  logger: Logger;
  defaults: WorkspaceDefaults;
  /** Built first: the Slack clients behind the ports read each workspace's bot token through it. */
  installations: Installations;
  /** Names this process in claimed job runs. */
  replicaId: string;
  /** Counters every area increments (digest runs, SLA breaches, ...); a private registry when not given. */
  metrics?: Metrics;
  /** ENCRYPTION_KEY: web-form secrets are encrypted with it when given. */
  encryptionKey?: Buffer;
  /** ENCRYPTION_KEY_PREVIOUS: still decrypts, while everything is re-encrypted with ENCRYPTION_KEY. */
  previousEncryptionKey?: Buffer;
  /** POST /webhooks/leads requests per minute per workspace (default 60). */
  webhookRateLimit?: number;
  /** Days after app_uninstalled before a workspace's data is purged (default 30). */
  retentionDaysAfterUninstall?: number;
  /** How long one outbox delivery holds its effect (default 60 s). */
  outboxLeaseMs?: number;
  /** What shutdown waits for: the outbox's settles left running after their Slack calls join it. */
  inFlight?: InFlight;
}

export interface Services {
  workspaces: Workspaces;
  servedTeams: ServedTeams;
  /** Enterprise Grid: which of an org's workspaces its org-wide installation serves. */
  orgWorkspaces: OrgWorkspaces;
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
  digests: OnDemandDigests;
  digestSchedules: DigestSchedules;
  digestRuns: DigestRuns;
  subscriptions: Subscriptions;
  installations: Installations;
  webForms: WebForms;
  leadSources: LeadSources;
  leadFiles: LeadFiles;
  customerData: CustomerData;
  exchangeRates: ExchangeRateSettings;
  slackEvents: SlackEvents;
  /** Slack effects written with their decisions; the sweeper job delivers what was left. */
  outbox: Outbox;
  slackInteractions: SlackInteractions;
  /** Workflow Builder steps: log, hand off and find leads from a workflow. */
  workflowSteps: WorkflowSteps;
  housekeeping: { pruneOperationalRows(): Promise<Record<string, number>> };
  /** Hourly: tells admins of dead letters their hour's report left out (how many workspaces were told). */
  deadLetterReports: { reportMissed(): Promise<number> };
  /** Re-encrypts what is still under ENCRYPTION_KEY_PREVIOUS; nothing to do without encryption. */
  secretsAtRest: { reencryptUnderCurrentKey(): Promise<RotationCounts> };
}

export function createServices(deps: ServiceDeps): Services {
  const { db, clock, provider, logger } = deps;
  const metrics = deps.metrics ?? createMetrics({ defaultMetrics: false });
  const roles = new Roles({ db, directory: deps.directory });
  const { adminReports } = deps;
  const deadLetterDeps = (reports: AdminReports) => ({ db, clock, logger, reports });
  const outbox = new Outbox({
    db,
    clock,
    logger: logger.child({ component: "outbox" }),
    ledger: deps.effectLedger,
    metrics,
    ...(deps.outboxLeaseMs ? { leaseMs: deps.outboxLeaseMs } : {}),
    ...(deps.inFlight ? { inFlight: deps.inFlight } : {}),
    ...(adminReports ? { onDeadLetter: (effect: OutboxEffect) => reportDeadLetters(deadLetterDeps(adminReports), effect.teamId) } : {}),
    handlers: {
      ...effectHandlers({ db, now: () => clock.now(), announcer: deps.announcer, leadAnnouncer: deps.leadAnnouncer }),
      ...handoffHandlers({ db, clock, logger, notifier: deps.handoffNotifier }),
    },
    recorders: { ...effectRecorders({ db }), ...handoffOnFound({ db }) },
  });
  const playbookDeps = { db, clock, logger, roles, outbox };
  const leadDeps = {
    db,
    clock,
    logger,
    directory: deps.directory,
    roles,
    notifier: deps.handoffNotifier,
    leadExports: deps.leadExports,
    metrics,
    outbox,
    provider,
  };
  const funnelDeps = { db, provider, clock, cache: new FunnelCache({ db }) };
  const funnel = new FunnelService(funnelDeps);
  const digestDeps = {
    ...funnelDeps,
    funnel,
    logger: logger.child({ component: "digests" }),
    publisher: deps.digestPublisher,
    replicaId: deps.replicaId,
    metrics,
  };
  const previousKeys = deps.previousEncryptionKey ? [deps.previousEncryptionKey] : [];
  const box = deps.encryptionKey ? new SecretBox(deps.encryptionKey, previousKeys) : undefined;
  const intakeSecrets = new OptionalSecrets(deps.encryptionKey, previousKeys);
  const workspaces = new Workspaces({ db, clock, defaults: deps.defaults });
  const retentionDays = deps.retentionDaysAfterUninstall ?? 30;
  return {
    workspaces,
    servedTeams: new ServedTeams(),
    orgWorkspaces: new OrgWorkspaces({ db, clock }),
    roles,
    metrics,
    leads: new Leads(leadDeps),
    handoffs: new Handoffs(leadDeps),
    rotation: new Rotation(leadDeps),
    sla: new SlaLadder(leadDeps),
    home: new Home({ db, clock, roles }),
    channelsAndPeople: new ChannelsAndPeople({ db, roles }),
    customerData: new CustomerData({ db, roles }),
    exchangeRates: new ExchangeRateSettings({ db, clock, roles }),
    campaigns: new Campaigns(playbookDeps),
    playbook: new Playbook(playbookDeps),
    funnel,
    digests: new OnDemandDigests(digestDeps),
    digestSchedules: new DigestSchedules(digestDeps),
    digestRuns: new DigestRuns(digestDeps),
    subscriptions: new Subscriptions(digestDeps),
    installations: deps.installations,
    webForms: new WebForms({
      db,
      clock,
      logger,
      box: intakeSecrets,
      outbox,
      rateLimit: deps.webhookRateLimit ?? 60,
    }),
    leadSources: new LeadSources({
      db,
      clock,
      roles,
      secrets: intakeSecrets,
      outbox,
      metrics,
      rateLimit: deps.webhookRateLimit ?? 60,
    }),
    leadFiles: new LeadFiles({ db, provider, clock, logger, metrics, roles, leadExports: deps.leadExports }),
    slackEvents: new SlackEvents({ db, clock }),
    outbox,
    slackInteractions: new SlackInteractions({ db, clock }),
    workflowSteps: new WorkflowSteps(leadDeps),
    housekeeping: {
      pruneOperationalRows: async () => ({
        ...(await pruneOperationalRows({ db, clock })),
        secretsSealed: await sealPlainSecrets(db, intakeSecrets),
        uninstalledWorkspaces: await workspaces.purgeUninstalled(retentionDays),
      }),
    },
    deadLetterReports: {
      reportMissed: async () => (adminReports ? reportMissedDeadLetters(deadLetterDeps(adminReports)) : 0),
    },
    secretsAtRest: {
      reencryptUnderCurrentKey: async () => (box ? reencryptUnderCurrentKey(db, box) : { reencrypted: 0, current: 0, unreadable: 0 }),
    },
  };
}

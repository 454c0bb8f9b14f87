// The domain's use cases, built once per process and handed to the Slack layer and the jobs.
import type { Db } from "../db/client.js";
import type { Provider } from "../db/target.js";
import type { Clock } from "../lib/clock.js";
import { OptionalSecrets, SecretBox } from "../lib/crypto.js";
import type { Logger } from "../lib/logger.js";
import { createMetrics, type Metrics } from "../lib/metrics.js";
import { Installations } from "./installations/installations.js";
import { WebForms } from "./intake/web-forms.js";
import { LeadFiles } from "./leads/lead-files.js";
import { pruneOperationalRows } from "./operations/housekeeping.js";
import { SlackEvents } from "./operations/slack-events.js";
import { Roles } from "./people/roles.js";
import type { Directory, NewLeadAnnouncer } from "./ports.js";
import { type WorkspaceDefaults, Workspaces } from "./workspaces/workspaces.js";

export interface ServiceDeps {
  db: Db;
  /** Which database `db` is, for the few statements written in SQL per provider (bulk import). */
  provider?: Provider;
  clock: Clock;
  logger: Logger;
  directory: Directory;
  defaults: WorkspaceDefaults;
  /** Counters other areas increment (digest runs, SLA breaches, ...); a private registry when not given. */
  metrics?: Metrics;
  /** ENCRYPTION_KEY: installations need it; web-form secrets are encrypted with it when given. */
  encryptionKey?: Buffer;
  /** Announces leads that arrive from web forms; nobody is told when not given. */
  announcer?: NewLeadAnnouncer;
  /** POST /webhooks/leads requests per minute per workspace (default 60). */
  webhookRateLimit?: number;
}

export interface Services {
  workspaces: Workspaces;
  roles: Roles;
  metrics: Metrics;
  installations: Installations;
  webForms: WebForms;
  leadFiles: LeadFiles;
  slackEvents: SlackEvents;
  housekeeping: { pruneOperationalRows(): Promise<Record<string, number>> };
}

export function createServices(deps: ServiceDeps): Services {
  const metrics = deps.metrics ?? createMetrics({ defaultMetrics: false });
  const { db, clock } = deps;
  return {
    workspaces: new Workspaces(db, deps.defaults),
    roles: new Roles(db, deps.directory),
    metrics,
    installations: new Installations(db, clock, deps.encryptionKey ? new SecretBox(deps.encryptionKey) : undefined),
    webForms: new WebForms({
      db,
      clock,
      logger: deps.logger,
      secrets: new OptionalSecrets(deps.encryptionKey),
      announcer: deps.announcer ?? { newLead: async () => {} },
      rateLimit: deps.webhookRateLimit ?? 60,
    }),
    leadFiles: new LeadFiles({ db, provider: deps.provider ?? providerOfClient(db), clock, metrics }),
    slackEvents: new SlackEvents(db, clock),
    housekeeping: { pruneOperationalRows: () => pruneOperationalRows(db, clock) },
  };
}

/** The provider Prisma was generated for, when the caller did not say (tests that build services by hand). */
function providerOfClient(db: Db): Provider {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

import type { Db } from "../../db/client.js";
import type { Provider } from "../../db/target.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { Metrics } from "../../lib/metrics.js";
import type { OutboxPort } from "../outbox/outbox.js";
import type { Roles } from "../people/roles.js";
import type { Directory, HandoffNotifier, LeadExportsPort } from "../ports.js";

/** What the lead, handoff, routing and SLA use cases need. */
export interface LeadDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  directory: Directory;
  roles: Roles;
  notifier: HandoffNotifier;
  /** Export files are deleted from Slack when a lead is erased. */
  leadExports: LeadExportsPort;
  /** The SLA sweep counts breaches here. */
  metrics?: Pick<Metrics, "slaBreaches">;
  /** The Slack effects of handoff decisions are written with them and delivered through it. */
  outbox: OutboxPort;
  /** Which database: a decision's stage change is one raw statement on PostgreSQL. */
  provider?: Provider;
}

/** What leads in and out of spreadsheets need: bulk writes are raw SQL, which differs between the databases. */
export interface LeadFileDeps {
  db: Db;
  provider: Provider;
  clock: Clock;
  logger: Logger;
  metrics: Pick<Metrics, "csvImportRows">;
  roles: Roles;
  leadExports: LeadExportsPort;
}

import type { LeadSources } from "../domain/intake/lead-sources.js";
import type { WebForms } from "../domain/intake/web-forms.js";
import type { InFlight } from "../lib/in-flight.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../lib/metrics.js";

/** What the HTTP routes beside Bolt's need. */
export interface WebhookRouteDeps {
  webForms: WebForms;
  leadSources: LeadSources;
  logger: Logger;
  metrics: Metrics;
  inFlight: InFlight;
  /** PUBLIC_URL: the address providers call, which HubSpot signs. */
  publicUrl?: string;
}

/** What /healthz and /readyz ask. */
export interface HealthChecks {
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Names of migrations not yet applied. */
  pendingMigrations(): Promise<string[]>;
  /** False until start-up has applied migrations and started listening (and again while stopping). */
  started(): boolean;
}

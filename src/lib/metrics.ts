// Prometheus metrics (GET /metrics). One registry per running app, so several apps in one process (tests) stay
// apart. Other parts of Baton count through these named instruments: the metrics port.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  /** Slack requests by listener (e.g. "command:/lead", "action:settings_section") and outcome. */
  slackRequests: Counter<"listener" | "outcome">;
  /** Time from receiving a Slack request to its listener finishing (including work after the ack). */
  slackHandlerSeconds: Histogram<"listener">;
  /** Calls to Slack's Web API by method and outcome (ok, error, rate_limited, http_error, network_error). */
  slackApiCalls: Counter<"method" | "outcome">;
  /** Web API attempts that failed in a way the client retries (rate limited, 5xx, network). */
  slackApiRetries: Counter<"method" | "reason">;
  /** Slack event deliveries recognised as already processed (Slack's retries) and dropped. */
  slackEventsDeduplicated: Counter;
  /** Interactions (submissions, clicks, commands, shortcuts) delivered again with the same signed body and refused. */
  slackInteractionReplays: Counter<"kind">;
  /** Scheduled digest runs by outcome (posted, skipped, failed): incremented by the digest job. */
  digestRuns: Counter<"outcome">;
  /** Handoffs whose response deadline passed without a decision: incremented by the SLA sweep. */
  slaBreaches: Counter;
  /** POST /webhooks/leads answers by HTTP status. */
  webhookRequests: Counter<"status">;
  /** POST /webhooks/sources/<id> answers by provider (typeform, tally, ...) and HTTP status. */
  leadSourceRequests: Counter<"provider" | "status">;
  /** Lead-source requests refused for a wrong, missing or stale signature, by provider. */
  leadSourceBadSignatures: Counter<"provider">;
  /** CSV import rows by outcome (created, updated, rejected). */
  csvImportRows: Counter<"outcome">;
  /** Jobs by name and outcome (ok, failed). */
  jobRuns: Counter<"job" | "outcome">;
  /** Outbox effects not yet delivered, as the last sweep counted them. */
  outboxDepth: Gauge;
  /** Time from the decision to Slack having its effect. */
  outboxDeliverySeconds: Histogram;
  /** Deliveries that failed in a way a later try may fix (retried with backoff). */
  outboxRetries: Counter;
  /** Effects given up on after MAX_ATTEMPTS (each also logged once). */
  outboxDeadLetters: Counter;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    slackRequests: new Counter({
      name: "baton_slack_requests_total",
      help: "Slack requests (commands, actions, views, events) by listener and outcome.",
      labelNames: ["listener", "outcome"],
      registers,
    }),
    slackHandlerSeconds: new Histogram({
      name: "baton_slack_handler_duration_seconds",
      help: "Time to handle a Slack request, including work done after the ack.",
      labelNames: ["listener"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60],
      registers,
    }),
    slackApiCalls: new Counter({
      name: "baton_slack_api_calls_total",
      help: "Calls to Slack's Web API by method and outcome.",
      labelNames: ["method", "outcome"],
      registers,
    }),
    slackApiRetries: new Counter({
      name: "baton_slack_api_retries_total",
      help: "Slack Web API attempts that failed and are retried (rate limited, server error, network error).",
      labelNames: ["method", "reason"],
      registers,
    }),
    slackEventsDeduplicated: new Counter({
      name: "baton_slack_events_deduplicated_total",
      help: "Slack event deliveries already processed (retries) and dropped.",
      registers,
    }),
    slackInteractionReplays: new Counter({
      name: "baton_slack_interaction_replays_total",
      help: "Slack interactions delivered again (a replayed signed request) and refused, by kind.",
      labelNames: ["kind"],
      registers,
    }),
    digestRuns: new Counter({
      name: "baton_digest_runs_total",
      help: "Scheduled digest runs by outcome.",
      labelNames: ["outcome"],
      registers,
    }),
    slaBreaches: new Counter({
      name: "baton_sla_breaches_total",
      help: "Handoffs whose response deadline passed without a decision.",
      registers,
    }),
    webhookRequests: new Counter({
      name: "baton_webhook_requests_total",
      help: "POST /webhooks/leads answers by HTTP status.",
      labelNames: ["status"],
      registers,
    }),
    leadSourceRequests: new Counter({
      name: "baton_lead_source_requests_total",
      help: "POST /webhooks/sources/<id> answers by provider and HTTP status.",
      labelNames: ["provider", "status"],
      registers,
    }),
    leadSourceBadSignatures: new Counter({
      name: "baton_lead_source_bad_signatures_total",
      help: "Lead-source requests refused for a wrong, missing or stale signature, by provider.",
      labelNames: ["provider"],
      registers,
    }),
    csvImportRows: new Counter({
      name: "baton_csv_import_rows_total",
      help: "CSV import rows by outcome.",
      labelNames: ["outcome"],
      registers,
    }),
    jobRuns: new Counter({
      name: "baton_job_runs_total",
      help: "Periodic job runs by job and outcome.",
      labelNames: ["job", "outcome"],
      registers,
    }),
    outboxDepth: new Gauge({ name: "baton_outbox_depth", help: "Outbox effects not yet delivered (at the last sweep).", registers }),
    outboxDeliverySeconds: new Histogram({
      name: "baton_outbox_delivery_seconds",
      help: "Time from a decision to its Slack effect being delivered.",
      buckets: [0.005, 0.05, 0.25, 1, 5, 30, 120, 600, 3600],
      registers,
    }),
    outboxRetries: new Counter({ name: "baton_outbox_retries_total", help: "Outbox deliveries to be tried again.", registers }),
    outboxDeadLetters: new Counter({ name: "baton_outbox_dead_letters_total", help: "Outbox effects given up on.", registers }),
  };
}

import type { WebClientOptions } from "@slack/web-api";
import type { Config } from "../config.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../lib/metrics.js";
import { countingFetch } from "./api-metrics.js";
import { boltLogger } from "./logger.js";

/**
 * Options for every Web API client Baton makes (Bolt's, the OAuth installer's and the jobs'): the API base URL
 * (GovSlack, or a test stand-in), retries and call counting. @slack/web-api waits out a 429's Retry-After and
 * retries 5xx and network errors with exponential backoff; five retries over about a minute keep a click's answer
 * from failing on a blip. Background work uses `backgroundClientOptions` instead.
 */
export function webClientOptions(config: Config, logger: Logger, metrics?: Metrics): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    logger: boltLogger(logger, "web-api"),
    retryConfig: { retries: 5, factor: 2, minTimeout: 250, maxTimeout: 20_000, randomize: true },
    ...(metrics ? { fetch: countingFetch(metrics) } : {}),
  };
}

/**
 * For work that can be rescheduled (digest runs, outbox deliveries): a 429 is not waited out inside the call,
 * which would hold a worker (and pause every other call of the client) for the whole Retry-After. It throws at
 * once, carrying `retryAfter`, and the caller reschedules the work for then (src/lib/retry-after.ts).
 */
export function backgroundClientOptions(options: WebClientOptions): WebClientOptions {
  return { ...options, rejectRateLimitedCalls: true };
}

/**
 * For lookups made before Baton answers a request (users.info for roles): Slack wants the answer within 3 seconds,
 * so one quick retry and a short timeout, and a 429 fails at once instead of being waited out.
 */
export function lookupClientOptions(options: WebClientOptions): WebClientOptions {
  return {
    ...options,
    timeout: 1_000,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 1, factor: 1, minTimeout: 100, maxTimeout: 100 },
  };
}

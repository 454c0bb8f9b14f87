import type { WebClientOptions } from "@slack/web-api";
import type { Config } from "../config.js";
import type { Logger } from "../lib/logger.js";
import type { Metrics } from "../lib/metrics.js";
import { countingFetch } from "./api-metrics.js";
import { boltLogger } from "./logger.js";

/**
 * Options for every Web API client Baton makes (Bolt's, the OAuth installer's and the jobs'): the API base URL
 * (GovSlack, or a test stand-in), retries and call counting. @slack/web-api waits out a 429's Retry-After and
 * retries 5xx and network errors with exponential backoff; five retries over about a minute keep a digest from
 * blocking its schedule for long.
 */
export function webClientOptions(config: Config, logger: Logger, metrics?: Metrics): WebClientOptions {
  return {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    logger: boltLogger(logger, "web-api"),
    retryConfig: { retries: 5, factor: 2, minTimeout: 250, maxTimeout: 20_000, randomize: true },
    ...(metrics ? { fetch: countingFetch(metrics) } : {}),
  };
}

import type { AllMiddlewareArgs } from "@slack/bolt";
import type { DigestPublisher } from "../domain/funnel/ports.js";
import type { Services } from "../domain/services.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";

/** What every listener gets besides Bolt's arguments. */
export interface ListenerDeps {
  services: Services;
  /** Posts digests: the scheduled ones use it through the services, `/funnel post` directly. */
  digestPublisher: DigestPublisher;
  clock: Clock;
  logger: Logger;
  /** Public address of this Baton (PUBLIC_URL), for URLs shown to people (the web-form endpoint). */
  publicUrl?: string;
}

/** Properties our middleware adds to Bolt's context on every request. */
export interface BatonContext {
  requestId: string;
  log: Logger;
  teamId: string;
}

export type WithContext<Args> = Args & AllMiddlewareArgs<BatonContext>;

import type { AllMiddlewareArgs, ViewResponseAction } from "@slack/bolt";
import type { DigestPublisher } from "../domain/digests/ports.js";
import type { Services } from "../domain/services.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import type { FileRules } from "./files.js";
import type { HomeRedraws } from "./home/home-redraws.js";

/** What every listener gets besides Bolt's arguments. */
export interface ListenerDeps {
  services: Services;
  /** Posts digests: the scheduled ones use it through the services, `/funnel post` directly. */
  digestPublisher: DigestPublisher;
  clock: Clock;
  logger: Logger;
  /** Public address of this Baton (PUBLIC_URL), for URLs shown to people (the web-form endpoint). */
  publicUrl?: string;
  /** Where shared files may be downloaded from, and the import's size limit. */
  files: FileRules;
  /** App Home redraws after people's changes, coalesced per person. */
  homeRedraws: HomeRedraws;
}

/** Properties our middleware (middleware.ts) and authorize function (oauth.ts) add to Bolt's context on every request. */
export interface BatonContext {
  requestId: string;
  log: Logger;
  teamId: string;
  /** How the request ended, when not by the listener's own answer ("duplicate", "unavailable", ...): a metrics label. */
  outcome?: string;
  /** Distributed mode: no installation for the workspace; the middleware tells the person. */
  notInstalled?: boolean;
  /** Enterprise Grid: a workspace of the org that the org admin has not chosen; the middleware tells the person. */
  notServedInOrg?: boolean;
  /** Distributed mode: the installation could not be read; the middleware asks the person to try again. */
  databaseUnavailable?: boolean;
  /** This interaction's claim against replays (once-per-interaction.ts), told by the listener's ack what happened. */
  interaction?: InteractionClaim;
}

export interface InteractionClaim {
  /** Before the ack is sent: a submission answered with errors releases its claim, anything else keeps it. */
  answered(response: ViewResponseAction | undefined): Promise<void>;
  /** After the ack went out: waits for the claim; throws for a replay, so the listener stops before its work. */
  acked(): Promise<void>;
}

export type WithContext<Args> = Args & AllMiddlewareArgs<BatonContext>;

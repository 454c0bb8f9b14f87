import type { AllMiddlewareArgs } from "@slack/bolt";
import type { Services } from "../domain/services.js";
import type { Clock } from "../lib/clock.js";
import type { Logger } from "../lib/logger.js";
import type { FileRules } from "./files.js";

/** What every listener gets besides Bolt's arguments. */
export interface ListenerDeps {
  services: Services;
  clock: Clock;
  logger: Logger;
  /** Public address of this Baton (PUBLIC_URL), for URLs shown to people (the web-form endpoint). */
  publicUrl?: string;
  /** Where shared files may be downloaded from, and the import's size limit. */
  files: FileRules;
}

/** Properties our middleware adds to Bolt's context on every request. */
export interface BatonContext {
  requestId: string;
  log: Logger;
  teamId: string;
}

export type WithContext<Args> = Args & AllMiddlewareArgs<BatonContext>;

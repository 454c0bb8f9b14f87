import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { OptionalSecrets } from "../../lib/crypto.js";
import type { Logger } from "../../lib/logger.js";
import type { OutboxPort } from "../outbox/outbox.js";

/** What leads from web forms need. */
export interface IntakeDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Seals the web-form secrets with ENCRYPTION_KEY when there is one. */
  box: OptionalSecrets;
  outbox: OutboxPort;
  /** Requests per minute per workspace. */
  rateLimit: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** What receiving one web-form lead needs: the workspace's secret and its rate limit, built once by WebForms. */
export interface WebFormIntakeDeps extends Pick<IntakeDeps, "db" | "clock" | "logger" | "outbox"> {
  secrets: { current(teamId: string): Promise<string | undefined> };
  limiter: { take(teamId: string, subject?: string): Promise<RateDecision> };
}

import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { OptionalSecrets } from "../../lib/crypto.js";
import type { Logger } from "../../lib/logger.js";
import type { NewLeadAnnouncer } from "../ports.js";
import { RateLimiter } from "./rate-limit.js";
import { receiveWebFormLead, type WebFormAnswer, type WebFormRequest } from "./receive-web-form-lead.js";
import { sealPlainSecrets } from "./seal-secrets.js";
import { WebFormSecrets } from "./web-form-secrets.js";

export interface WebFormsDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  secrets: OptionalSecrets;
  announcer: NewLeadAnnouncer;
  /** Requests per minute per workspace. */
  rateLimit: number;
}

/** Leads from web forms, landing pages and automation tools (POST /webhooks/leads). */
export class WebForms {
  readonly secrets: WebFormSecrets;
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: WebFormsDeps) {
    this.secrets = new WebFormSecrets(deps.db, deps.secrets);
    this.limiter = new RateLimiter(deps.db, deps.clock, "webhook", deps.rateLimit);
  }

  /** Encrypts intake secrets stored in plain text before ENCRYPTION_KEY was set (run at start). */
  sealPlainSecrets(): Promise<number> {
    return sealPlainSecrets(this.deps.db, this.deps.secrets);
  }

  receive(request: WebFormRequest): Promise<WebFormAnswer> {
    return receiveWebFormLead({ ...this.deps, secrets: this.secrets, limiter: this.limiter }, request);
  }
}

export type { WebFormAnswer, WebFormRequest };

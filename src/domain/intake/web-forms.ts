import type { IntakeDeps } from "./deps.js";
import { RateLimiter } from "./rate-limit.js";
import { receiveWebFormLead, type WebFormAnswer, type WebFormRequest } from "./receive-web-form-lead.js";
import { sealPlainSecrets } from "./seal-secrets.js";
import { WebFormSecrets } from "./web-form-secrets.js";

/** Leads from web forms, landing pages and automation tools (POST /webhooks/leads). */
export class WebForms {
  /** The per-workspace signing secret that /baton settings → Web forms shows and rotates. */
  readonly secrets: WebFormSecrets;
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: IntakeDeps) {
    this.secrets = new WebFormSecrets(deps);
    this.limiter = new RateLimiter({ db: deps.db, clock: deps.clock, scope: "webhook", perMinute: deps.rateLimit });
  }

  /** Encrypts intake secrets stored in plain text before ENCRYPTION_KEY was set (run at start). */
  sealPlainSecrets(): Promise<number> {
    return sealPlainSecrets(this.deps.db, this.deps.box);
  }

  receive(request: WebFormRequest): Promise<WebFormAnswer> {
    return receiveWebFormLead({ ...this.deps, secrets: this.secrets, limiter: this.limiter }, request);
  }
}

export type { WebFormAnswer, WebFormRequest };

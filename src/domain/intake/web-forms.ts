import type { IntakeDeps } from "./deps.js";
import { receiveWebFormLead, type WebFormAnswer, type WebFormRequest } from "./receive-web-form-lead.js";
import { WebFormSecrets } from "./web-form-secrets.js";

/** Leads from web forms, landing pages and automation tools (POST /webhooks/leads). */
export class WebForms {
  /** The per-workspace signing secret that /baton settings → Web forms shows and rotates. */
  readonly secrets: WebFormSecrets;

  constructor(private readonly deps: IntakeDeps) {
    this.secrets = new WebFormSecrets(deps);
  }

  receive(request: WebFormRequest): Promise<WebFormAnswer> {
    return receiveWebFormLead(this.deps, request);
  }
}

export type { WebFormAnswer, WebFormRequest };

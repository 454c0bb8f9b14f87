// Lead sources as data: an admin adds one per form or booking tool in /baton settings → Lead sources, gets its
// address and secret (shown once, rotatable), maps its fields and picks a default campaign; Baton receives its leads.

import { randomBytes } from "node:crypto";
import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import {
  createLeadSource,
  deleteLeadSource,
  type LeadSource,
  leadSourceInTeam,
  leadSourcesOf,
  updateLeadSource,
} from "../../db/lead-sources.js";
import { campaignIdInTeam } from "../../db/leads.js";
import { mapTrackingCode, type UnmatchedCode, unmatchedCodes } from "../../db/tracking-codes.js";
import type { Clock } from "../../lib/clock.js";
import type { OptionalSecrets } from "../../lib/crypto.js";
import { AppError } from "../../lib/errors.js";
import type { Metrics } from "../../lib/metrics.js";
import type { OutboxPort } from "../outbox/outbox.js";
import type { Roles } from "../people/roles.js";
import { type FieldMap, parseFieldMap } from "./field-map.js";
import { isProviderId, PROVIDERS, type ProviderId } from "./providers/index.js";
import { RateLimiter } from "./rate-limit.js";
import { receiveSourceLead, type SourceAnswer, type SourceRequest } from "./receive-source-lead.js";

export type { UnmatchedCode };

export const MAX_SOURCES = 20;
const MAX_CODES = 20;

export interface LeadSourcesDeps {
  db: Db;
  clock: Clock;
  roles: Roles;
  secrets: OptionalSecrets;
  outbox: OutboxPort;
  metrics: Pick<Metrics, "leadSourceBadSignatures">;
  /** Requests per minute per source. */
  rateLimit: number;
}

export interface SourceInput {
  provider: string;
  name: string | undefined;
  fieldMap: string | undefined;
  defaultCampaignId: string | undefined;
  /** The provider's own secret, for providers that make it (Webflow, HubSpot); Baton makes one otherwise. */
  secret: string | undefined;
}

/** A source as admins see it in settings: never its secret. */
export interface SourceSummary {
  id: string;
  provider: ProviderId;
  name: string;
  fieldMap: FieldMap;
  defaultCampaignId: string | null;
  lastReceivedAt: Date | null;
  receivedCount: number;
  badSignatureCount: number;
}

export class LeadSources {
  private readonly limiter: RateLimiter;

  constructor(private readonly deps: LeadSourcesDeps) {
    this.limiter = new RateLimiter({ db: deps.db, clock: deps.clock, scope: "source", perMinute: deps.rateLimit });
  }

  receive(request: SourceRequest): Promise<SourceAnswer> {
    return receiveSourceLead({ ...this.deps, limiter: this.limiter }, request);
  }

  async list(teamId: string): Promise<SourceSummary[]> {
    return (await leadSourcesOf(this.deps.db, teamId, MAX_SOURCES)).map(summary);
  }

  async get(teamId: string, id: string): Promise<SourceSummary> {
    const source = await leadSourceInTeam(this.deps.db, teamId, id);
    if (!source) throw new AppError("not_found", "That lead source no longer exists.");
    return summary(source);
  }

  /** Adds a source; returns it with its secret, the only time Baton shows it. */
  async add(teamId: string, actorId: string, input: SourceInput): Promise<{ source: SourceSummary; secret: string }> {
    await this.deps.roles.requireAdmin(teamId, actorId, "add a lead source");
    const valid = await this.validate(teamId, input);
    if ((await leadSourcesOf(this.deps.db, teamId, MAX_SOURCES)).length >= MAX_SOURCES) {
      throw new AppError("invalid_input", `A workspace can have ${MAX_SOURCES} lead sources.`, { name: "Remove one first." });
    }
    const secret = valid.secret ?? newSecret();
    try {
      const source = await createLeadSource(this.deps.db, {
        teamId,
        provider: valid.provider,
        name: valid.name,
        nameKey: valid.name.toLowerCase(),
        secret: this.deps.secrets.seal(secret),
        fieldMap: valid.fieldMap,
        defaultCampaignId: valid.defaultCampaignId,
        createdById: actorId,
        at: this.deps.clock.now(),
      });
      return { source: summary(source), secret };
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("invalid_input", "Name taken.", { name: "Another lead source has this name." });
      throw error;
    }
  }

  /** Changes the field mapping and default campaign (and, for provider-made secrets, the secret if given). */
  async change(teamId: string, actorId: string, id: string, input: SourceInput): Promise<SourceSummary> {
    await this.deps.roles.requireAdmin(teamId, actorId, "change a lead source");
    const current = await this.get(teamId, id);
    const valid = await this.validate(teamId, { ...input, provider: current.provider, name: current.name }, false);
    const at = this.deps.clock.now();
    const secret = valid.secret ? { secret: this.deps.secrets.seal(valid.secret) } : {};
    await updateLeadSource(this.deps.db, teamId, id, {
      fieldMap: valid.fieldMap,
      defaultCampaignId: valid.defaultCampaignId,
      ...secret,
      at,
    });
    return this.get(teamId, id);
  }

  /** A new Baton-made secret; the old one stops working at once. Returned once, to show. */
  async rotate(teamId: string, actorId: string, id: string): Promise<string> {
    await this.deps.roles.requireAdmin(teamId, actorId, "rotate a lead source's secret");
    const secret = newSecret();
    const done = await updateLeadSource(this.deps.db, teamId, id, { secret: this.deps.secrets.seal(secret), at: this.deps.clock.now() });
    if (!done) throw new AppError("not_found", "That lead source no longer exists.");
    return secret;
  }

  async remove(teamId: string, actorId: string, id: string): Promise<void> {
    await this.deps.roles.requireAdmin(teamId, actorId, "remove a lead source");
    await deleteLeadSource(this.deps.db, teamId, id);
  }

  /** Tracking codes that arrived on leads and matched no campaign, for an admin to map. */
  unmatchedCodes(teamId: string): Promise<UnmatchedCode[]> {
    return unmatchedCodes(this.deps.db, teamId, MAX_CODES);
  }

  /** Maps an unknown code to a campaign: its leads move there, and later leads with the code match. */
  async mapCode(teamId: string, actorId: string, code: string, campaignId: string): Promise<number> {
    await this.deps.roles.requireAdmin(teamId, actorId, "map a tracking code");
    if (!(await campaignIdInTeam(this.deps.db, teamId, { id: campaignId }))) {
      throw new AppError("not_found", "That campaign doesn't exist in this workspace.");
    }
    return mapTrackingCode(this.deps.db, { teamId, code, campaignId, actorId, at: this.deps.clock.now() });
  }

  private async validate(teamId: string, input: SourceInput, isNew = true) {
    const errors: Record<string, string> = {};
    if (!isProviderId(input.provider)) errors.provider = "Pick the tool that sends the leads.";
    const name = (input.name ?? "").trim();
    if (isNew && (name.length === 0 || name.length > 60)) errors.name = "Give it a name of 1 to 60 characters, e.g. Demo request form.";
    const map = parseFieldMap(input.fieldMap);
    if (!map.ok) errors.fieldMap = map.message;
    const campaignId = input.defaultCampaignId ? await campaignIdInTeam(this.deps.db, teamId, { id: input.defaultCampaignId }) : null;
    if (input.defaultCampaignId && !campaignId) errors.defaultCampaignId = "Pick one of this workspace's campaigns.";
    const secret = input.secret?.trim() || undefined;
    const providerMakesSecret = isProviderId(input.provider) && PROVIDERS[input.provider].secretMadeBy === "provider";
    if (isNew && providerMakesSecret && !secret)
      errors.secret = `Paste the secret ${PROVIDERS[input.provider as ProviderId].label} signs with.`;
    if (secret && (secret.length < 8 || secret.length > 200)) errors.secret = "A secret is 8 to 200 characters.";
    if (Object.keys(errors).length > 0) throw new AppError("invalid_input", "Some fields need a fix.", errors);
    return {
      provider: input.provider as ProviderId,
      name,
      fieldMap: map.ok ? map.map : {},
      defaultCampaignId: campaignId,
      secret: providerMakesSecret ? secret : undefined,
    };
  }
}

const newSecret = (): string => `bls_${randomBytes(24).toString("hex")}`;

function summary(source: LeadSource): SourceSummary {
  return {
    id: source.id,
    provider: (isProviderId(source.provider) ? source.provider : "generic") as ProviderId,
    name: source.name,
    fieldMap: (source.fieldMap ?? {}) as FieldMap,
    defaultCampaignId: source.defaultCampaignId,
    lastReceivedAt: source.lastReceivedAt,
    receivedCount: source.receivedCount,
    badSignatureCount: source.badSignatureCount,
  };
}

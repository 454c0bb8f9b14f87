// Saving a lead that arrived from outside Slack (a web form, a lead source): a new lead is announced in the
// marketing channel; an existing one only gets what it lacks (see leads/outside-merge.ts).
import type { Db, Tx } from "../../db/client.js";
import type { WrittenEffect } from "../../db/outbox.js";
import { findWorkspace } from "../../db/workspaces.js";
import type { Clock } from "../../lib/clock.js";
import { isAppError, isUnavailableError } from "../../lib/errors.js";
import type { OutsideOrigin } from "../leads/lead-fields.js";
import type { LeadInput } from "../leads/lead-input.js";
import { type SavedLead, saveLead } from "../leads/save-lead.js";
import { EffectKinds, enqueueAnnouncements } from "../outbox/effects.js";
import type { OutboxPort } from "../outbox/outbox.js";
import type { IntakeAnswer } from "./idempotency.js";
import { publicField } from "./web-form-payload.js";

export interface OutsideChannel extends OutsideOrigin {
  /** Stored as the lead's `source` when it is new: "webhook", or the provider. */
  leadSource: string;
  /** How the marketing channel's announcement names it: "New lead from a <announcedAs>". */
  announcedAs: string;
}

export interface OutsideLeadDeps {
  db: Db;
  clock: Clock;
  /** The announcement in the marketing channel is an outbox effect, written with the new lead. */
  outbox: OutboxPort;
}

/** The actor recorded on events of leads from outside Slack. */
export const OUTSIDE_ACTOR = "webhook";

export async function saveOutsideLead(
  deps: OutsideLeadDeps,
  teamId: string,
  lead: LeadInput,
  origin: OutsideChannel,
  onSaved?: (saved: SavedLead) => Promise<void>,
): Promise<IntakeAnswer> {
  let saved: SavedLead;
  // The announcement, written claimed with a new lead: delivered after the response.
  let announcement: WrittenEffect[] = [];
  try {
    const marketingChannelId = (await findWorkspace(deps.db, teamId))?.marketingChannelId;
    const onCreated = async (tx: Tx, created: { id: string }) => {
      const at = deps.clock.now();
      const effect = { teamId, kind: EffectKinds.leadAnnounced, subjectId: created.id, channels: [marketingChannelId] };
      announcement = await enqueueAnnouncements(tx, effect, at, { claimedUntil: deps.outbox.leaseFrom(at) });
    };
    saved = await saveLead(deps, { teamId, actorId: OUTSIDE_ACTOR, source: origin.leadSource, lead, outside: origin, onCreated });
  } catch (error) {
    if (isUnavailableError(error) || !isAppError(error) || error.code !== "invalid_input") throw error;
    const errors = Object.keys(error.fields).length
      ? Object.keys(error.fields).map((field) => ({ field: publicField(field), message: error.fields[field] ?? error.message }))
      : [{ field: "body", message: error.message }];
    return { status: 400, body: { ok: false, error: "invalid_lead", errors } };
  }
  await onSaved?.(saved);
  const body = { ok: true, leadId: saved.lead.id, created: saved.created };
  if (!saved.created) return { status: 200, body };
  return {
    status: 201,
    body,
    afterResponse: async () => {
      await deps.outbox.deliverWritten(announcement);
    },
  };
}

import type { Tx } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import {
  findLead,
  findLeadByEmailKey,
  insertLead,
  type Lead,
  type LeadFields,
  recordLeadEvent,
  recordSubmission,
  updateLeadFields,
} from "../../db/leads.js";
import { AppError } from "../../lib/errors.js";
import { gradeLead } from "../playbook/regrade.js";
import { attributionNote } from "./attribution-note.js";
import type { LeadDeps } from "./deps.js";
import { leadFields, type OutsideOrigin, sentFields } from "./lead-fields.js";
import { emailKey, type LeadInput } from "./lead-input.js";
import { outsideChanges } from "./outside-merge.js";
import { searchKeyOf } from "./search-key.js";

/** Where a lead was first logged: Slack, a web form, a CSV import, or a lead source's provider (e.g. "typeform"). */
export type LeadSource = string;

export interface SavedLead {
  lead: Lead;
  /** False when a lead with this email already existed and was updated instead. */
  created: boolean;
  /** False when an update changed nothing (no event is recorded then). */
  changed: boolean;
}

export interface SaveOptions {
  /** An edit in the modal: emptying a field removes it. */
  replace?: boolean;
  /** Edit this lead (by id, within the team), even when the email changes. */
  leadId?: string;
  /**
   * From outside Slack: an existing lead only gets the fields it lacks (nothing when owned or decided), and what
   * was sent is recorded on its history; an unknown tracking code is kept rather than refused.
   */
  outside?: OutsideOrigin;
  /** More to write in the transaction that creates the lead (e.g. its announcement, in the outbox). */
  onCreated?: (tx: Tx, lead: Lead) => Promise<void>;
  /**
   * The Slack message the lead was logged from (its permalink, from chat.getPermalink): recorded on the lead's
   * history with the save, even when the save changes nothing else.
   */
  messageLink?: string;
}

export interface SaveLeadInput extends SaveOptions {
  teamId: string;
  actorId: string;
  source: LeadSource;
  /** From `parseLeadInput`. */
  lead: LeadInput;
}

type SaveDeps = Pick<LeadDeps, "db" | "clock">;

const EMAIL_TAKEN = "Another lead already has this email. Open it with /lead <email> instead.";

/**
 * Logs a lead, or updates the one with the same email (case-insensitive) in the workspace. Never makes a second
 * row: the unique (teamId, emailKey) index decides races, and the loser updates the winner's row.
 * Updates keep stored values for fields the input leaves empty (a web form that omits the phone does not erase
 * it), unless `replace` (an edit in the modal, where emptying a field means removing it); with `outside`, they only
 * fill empty fields (see outside-merge.ts). With `leadId`, that lead is edited, and its email may change to one no
 * other lead has. The lead and its event are written together.
 */
export async function saveLead(deps: SaveDeps, input: SaveLeadInput): Promise<SavedLead> {
  const { db, clock } = deps;
  const { teamId, actorId, source } = input;
  const key = emailKey(input.lead.email);
  const fields = await leadFields(db, teamId, input.lead, input.outside);
  if (input.leadId) return editLead(deps, input.leadId, fields, input);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await findLeadByEmailKey(db, teamId, key);
    const at = clock.now();
    if (existing && input.outside) return addFromOutside(deps, existing, fields, at, { ...input, outside: input.outside });
    if (existing) return update(deps, existing, fields, at, input);
    const row = { ...(await withFit(db, teamId, fields)), teamId, emailKey: key, searchKey: searchKeyOf(fields) };
    try {
      const lead = await db.$transaction(async (tx) => {
        const created = await insertLead(tx, { ...row, createdById: actorId, source, createdAt: at });
        await recordLeadEvent(tx, created, { actorId, type: "created", toStage: "new", at });
        await input.onCreated?.(tx, created);
        await recordMessageLink(tx, created, input, at);
        return created;
      });
      return { lead, created: true, changed: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // someone created it meanwhile: go round and update theirs
    }
  }
  throw new AppError("conflict", "Someone else is saving this lead right now. Please try again.");
}

async function editLead(deps: SaveDeps, leadId: string, fields: LeadFields, input: SaveLeadInput): Promise<SavedLead> {
  const existing = await findLead(deps.db, input.teamId, leadId);
  if (!existing) throw new AppError("not_found", "That lead no longer exists.");
  if (existing.erasedAt) throw new AppError("conflict", "This lead's personal data was erased, so it can't be edited.");
  try {
    return await update(deps, existing, fields, deps.clock.now(), input);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_input", EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}

async function update(deps: SaveDeps, existing: Lead, fields: LeadFields, at: Date, input: SaveLeadInput): Promise<SavedLead> {
  const changes = await withFit(deps.db, existing.teamId, input.replace ? fields : onlyGiven(fields), existing);
  const merged = { ...existing, ...changes };
  if (!differs(existing, changes)) {
    if (input.messageLink) await deps.db.$transaction((tx) => recordMessageLink(tx, existing, input, at));
    return { lead: existing, created: false, changed: false };
  }
  const data = { ...changes, emailKey: emailKey(merged.email ?? ""), searchKey: searchKeyOf(merged), updatedAt: at };
  const note = await attributionNote(deps.db, existing.teamId, existing, {
    campaignId: merged.campaignId ?? null,
    fitGrade: merged.fitGrade ?? null,
  });
  const lead = await deps.db.$transaction(async (tx) => {
    const updated = await updateLeadFields(tx, existing, data);
    await recordLeadEvent(tx, updated, { actorId: input.actorId, type: "updated", reason: note, at });
    await recordMessageLink(tx, updated, input, at);
    return updated;
  });
  return { lead, created: false, changed: true };
}

/** Only a Slack https link is kept: it is shown as a link on the lead's card. */
const SLACK_PERMALINK = /^https:\/\/[a-z0-9.-]+\.slack(?:-gov)?\.com\/[^\s<>|]*$/i;

async function recordMessageLink(tx: Tx, lead: Lead, input: SaveLeadInput, at: Date): Promise<void> {
  if (!input.messageLink) return;
  if (!SLACK_PERMALINK.test(input.messageLink)) throw new AppError("invalid_input", "That isn't a link to a Slack message.");
  await recordLeadEvent(tx, lead, { actorId: input.actorId, type: "message_linked", reason: input.messageLink, at });
}

/** A submission for a lead that exists: fills what it lacks and records what was sent, in one transaction. */
async function addFromOutside(
  deps: SaveDeps,
  existing: Lead,
  fields: LeadFields,
  at: Date,
  input: SaveLeadInput & { outside: OutsideOrigin },
): Promise<SavedLead> {
  const filled = outsideChanges(existing, fields);
  const changes = Object.keys(filled).length > 0 ? await withFit(deps.db, existing.teamId, filled, existing) : filled;
  const changed = differs(existing, changes);
  const data = { ...changes, searchKey: searchKeyOf({ ...existing, ...changes }), updatedAt: at };
  const { outside } = input;
  const submission = {
    channel: outside.channel,
    sourceId: outside.sourceId ?? null,
    fields: { sent: sentFields(input.lead), filled: Object.keys(filled) },
  };
  const lead = await deps.db.$transaction(async (tx) => {
    const updated = await updateLeadFields(tx, existing, data);
    await recordLeadEvent(tx, updated, { actorId: input.actorId, type: "submitted", reason: outside.label, at });
    await recordSubmission(tx, updated, submission, at);
    return updated;
  });
  return { lead, created: false, changed };
}

function differs(existing: Lead, changes: LeadFields): boolean {
  return Object.entries(changes).some(([field, value]) => (existing[field as keyof Lead] ?? null) !== (value ?? null));
}

/** When the workspace has an ICP, the computed fit grade wins over a hand-picked one. */
async function withFit(db: Tx, teamId: string, fields: LeadFields, existing?: Lead): Promise<LeadFields> {
  const fit = await gradeLead(db, teamId, { ...existing, ...fields });
  return fit ? { ...fields, fitGrade: fit.grade, fitSegmentId: fit.segmentId } : fields;
}

function onlyGiven(fields: LeadFields): LeadFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as LeadFields;
}

import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import { createLeadWithEvent, findLead, findLeadByEmailKey, type Lead, type LeadFields, updateLeadWithEvent } from "../../db/leads.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { gradeLead } from "../playbook/regrade.js";
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
}

const EMAIL_TAKEN = "Another lead already has this email. Open it with /lead <email> instead.";

/**
 * Logs a lead, or updates the one with the same email (case-insensitive) in the workspace. Never makes a second
 * row: the unique (teamId, emailKey) index decides races, and the loser updates the winner's row.
 * `input` must come from `parseLeadInput`. Updates keep stored values for fields the input leaves empty, unless
 * `replace` (an edit in the modal, where emptying a field means removing it); with `outside`, they only fill empty
 * fields (see outside-merge.ts). With `leadId`, that lead is edited, and its email may change to one no other lead has.
 */
export async function saveLead(
  db: Db,
  clock: Clock,
  teamId: string,
  input: LeadInput,
  actorId: string,
  source: LeadSource,
  options: SaveOptions = {},
): Promise<SavedLead> {
  const key = emailKey(input.email);
  const fields = await leadFields(db, teamId, input, options.outside);
  if (options.leadId) return editLead(db, clock, teamId, options.leadId, fields, actorId, options);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await findLeadByEmailKey(db, teamId, key);
    const at = clock.now();
    if (existing && options.outside) return addFromOutside(db, existing, input, fields, at, actorId, options.outside);
    if (existing) return update(db, existing, fields, at, actorId, options);
    try {
      const lead = await createLeadWithEvent(
        db,
        {
          ...(await withFit(db, teamId, fields)),
          teamId,
          emailKey: key,
          searchKey: searchKeyOf(fields),
          createdById: actorId,
          source,
          createdAt: at,
        },
        { actorId, type: "created", toStage: "new", at },
      );
      return { lead, created: true, changed: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // someone created it meanwhile: go round and update theirs
    }
  }
  throw new AppError("conflict", "Someone else is saving this lead right now. Please try again.");
}

async function editLead(
  db: Db,
  clock: Clock,
  teamId: string,
  leadId: string,
  fields: LeadFields,
  actorId: string,
  options: SaveOptions,
): Promise<SavedLead> {
  const existing = await findLead(db, teamId, leadId);
  if (!existing) throw new AppError("not_found", "That lead no longer exists.");
  if (existing.erasedAt) throw new AppError("conflict", "This lead's personal data was erased, so it can't be edited.");
  try {
    return await update(db, existing, fields, clock.now(), actorId, options);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_input", EMAIL_TAKEN, { email: EMAIL_TAKEN });
    throw error;
  }
}

async function update(db: Db, existing: Lead, fields: LeadFields, at: Date, actorId: string, options: SaveOptions): Promise<SavedLead> {
  const changes = await withFit(db, existing.teamId, options.replace ? fields : onlyGiven(fields), existing);
  const merged = { ...existing, ...changes };
  if (!differs(existing, changes)) return { lead: existing, created: false, changed: false };
  const data = { ...changes, emailKey: emailKey(merged.email ?? ""), searchKey: searchKeyOf(merged), updatedAt: at };
  const lead = await updateLeadWithEvent(db, existing, data, { actorId, type: "updated", at });
  return { lead, created: false, changed: true };
}

/** A submission for a lead that exists: fills what it lacks and records what was sent, in one transaction. */
async function addFromOutside(
  db: Db,
  existing: Lead,
  input: LeadInput,
  fields: LeadFields,
  at: Date,
  actorId: string,
  origin: OutsideOrigin,
): Promise<SavedLead> {
  const filled = outsideChanges(existing, fields);
  const changes = Object.keys(filled).length > 0 ? await withFit(db, existing.teamId, filled, existing) : filled;
  const changed = differs(existing, changes);
  const data = changed ? { ...changes, searchKey: searchKeyOf({ ...existing, ...changes }), updatedAt: at } : { updatedAt: at };
  const submission = {
    channel: origin.channel,
    sourceId: origin.sourceId ?? null,
    fields: { sent: sentFields(input), filled: Object.keys(filled) },
  };
  const lead = await updateLeadWithEvent(db, existing, data, { actorId, type: "submitted", reason: origin.label, at }, submission);
  return { lead, created: false, changed };
}

function differs(existing: Lead, changes: LeadFields): boolean {
  return Object.entries(changes).some(([field, value]) => (existing[field as keyof Lead] ?? null) !== (value ?? null));
}

/** When the workspace has an ICP, the computed fit grade wins over a hand-picked one. */
async function withFit(db: Db, teamId: string, fields: LeadFields, existing?: Lead): Promise<LeadFields> {
  const fit = await gradeLead(db, teamId, { ...existing, ...fields });
  return fit ? { ...fields, fitGrade: fit.grade, fitSegmentId: fit.segmentId } : fields;
}

function onlyGiven(fields: LeadFields): LeadFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as LeadFields;
}

import type { Db } from "../../db/client.js";
import { isUniqueViolation } from "../../db/errors.js";
import {
  campaignIdInTeam,
  createLeadWithEvent,
  findLeadByEmailKey,
  type Lead,
  type LeadFields,
  updateLeadWithEvent,
} from "../../db/leads.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { gradeLead } from "../playbook/regrade.js";
import { emailKey, type LeadInput } from "./lead-input.js";

export type LeadSource = "slack" | "webhook" | "csv";

export interface SavedLead {
  lead: Lead;
  /** False when a lead with this email already existed and was updated instead. */
  created: boolean;
}

/**
 * Logs a lead, or updates the one with the same email (case-insensitive) in the workspace. Never makes a second
 * row: the unique (teamId, emailKey) index decides races, and the loser updates the winner's row.
 * `input` must come from `parseLeadInput`. Updates keep stored values for fields the input leaves empty (a web
 * form that omits the phone does not erase it), unless `replace` (an edit in the modal, where emptying a field
 * means removing it).
 */
export async function saveLead(
  db: Db,
  clock: Clock,
  teamId: string,
  input: LeadInput,
  actorId: string,
  source: LeadSource,
  options: { replace?: boolean } = {},
): Promise<SavedLead> {
  const key = emailKey(input.email);
  const fields = await leadFields(db, teamId, input);
  for (let attempt = 0; attempt < 3; attempt++) {
    const existing = await findLeadByEmailKey(db, teamId, key);
    const at = clock.now();
    if (existing) {
      const changes = await withFit(db, teamId, options.replace ? fields : onlyGiven(fields), existing);
      const lead = await updateLeadWithEvent(db, existing, { ...changes, updatedAt: at }, { actorId, type: "updated", at });
      return { lead, created: false };
    }
    try {
      const lead = await createLeadWithEvent(
        db,
        { ...(await withFit(db, teamId, fields)), teamId, emailKey: key, createdById: actorId, source, createdAt: at },
        { actorId, type: "created", toStage: "new", at },
      );
      return { lead, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // someone created it meanwhile: go round and update theirs
    }
  }
  throw new AppError("conflict", "Someone else is saving this lead right now. Please try again.");
}

async function leadFields(db: Db, teamId: string, input: LeadInput): Promise<LeadFields> {
  const campaignRef = {
    ...(input.campaignId ? { id: input.campaignId } : {}),
    ...(input.campaignCode ? { code: input.campaignCode } : {}),
  };
  const campaignId = campaignRef.id || campaignRef.code ? await campaignIdInTeam(db, teamId, campaignRef) : null;
  if ((campaignRef.id || campaignRef.code) && !campaignId) {
    throw new AppError("invalid_input", "That campaign doesn't exist in this workspace.", {
      campaignId: "Pick one of this workspace's campaigns.",
    });
  }
  return {
    email: input.email.trim(),
    name: input.name ?? null,
    company: input.company ?? null,
    phone: input.phone ?? null,
    title: input.title ?? null,
    industry: input.industry ?? null,
    companySize: input.companySize ?? null,
    region: input.region ?? null,
    notes: input.notes ?? null,
    campaignId,
    fitGrade: input.fitGrade ?? null,
  };
}

/** With an ICP, the grade computed from the lead's fields (after the merge) wins over a hand-picked one. */
async function withFit(db: Db, teamId: string, fields: LeadFields, existing?: Lead): Promise<LeadFields> {
  const fit = await gradeLead(db, teamId, { ...existing, ...fields });
  return fit ? { ...fields, fitGrade: fit.grade, fitSegmentId: fit.segmentId } : fields;
}

function onlyGiven(fields: LeadFields): LeadFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as LeadFields;
}

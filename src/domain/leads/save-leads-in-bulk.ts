// The bulk variant of saveLead for CSV import: the same rules (upsert by email; a new lead graded against the ICP
// and searchable; an existing one only gets what it lacks, with what the row sent on its history), written a batch
// at a time in one transaction each.
import { isUniqueViolation } from "../../db/errors.js";
import {
  type ExistingLead,
  findLeadsByEmailKeys,
  type LeadSubmissionRow,
  type LeadUpdate,
  type NewLeadRow,
  writeLeadBatch,
} from "../../db/lead-batches.js";
import type { LeadFields } from "../../db/leads.js";
import { fitOf, type SegmentCriteria } from "../playbook/fit.js";
import { segmentCriteria } from "../playbook/regrade.js";
import type { LeadFileDeps } from "./deps.js";
import { emailKey, type LeadInput } from "./lead-input.js";
import { outsideChanges } from "./outside-merge.js";
import type { LeadSource } from "./save-lead.js";
import { searchKeyOf } from "./search-key.js";

export interface BulkLead {
  input: LeadInput;
  /** Resolved from the row's campaign name or code (null: none given, or unknown). */
  campaignId: string | null;
  /** A campaign name or code the row gave that matched none: kept on the lead for an admin to map. */
  unmatchedCode?: string | null;
}

export interface BulkCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** How a CSV row's submission is named on the lead's history. */
export const CSV_LABEL = "a CSV import";

export interface BulkSave {
  teamId: string;
  actorId: string;
  source: LeadSource;
  leads: BulkLead[];
}

/** Saves a batch of valid leads (already parsed with parseLeadInput). Earlier rows for the same email win. */
export async function saveLeadsInBulk(deps: Pick<LeadFileDeps, "db" | "provider" | "clock">, batch: BulkSave): Promise<BulkCounts> {
  const { db, provider, clock } = deps;
  const { teamId, actorId, source, leads } = batch;
  const byKey = new Map<string, Partial<LeadFields>>();
  for (const lead of leads) {
    const key = emailKey(lead.input.email);
    byKey.set(key, { ...givenFields(lead), ...byKey.get(key) });
  }
  const segments = await segmentCriteria(db, teamId);
  for (let attempt = 0; ; attempt++) {
    const existing = new Map(
      (await findLeadsByEmailKeys(db, provider, teamId, [...byKey.keys()])).map((lead) => [lead.emailKey ?? "", lead]),
    );
    const plan = planBatch(byKey, existing, segments);
    try {
      await writeLeadBatch(db, provider, { teamId, actorId, source, label: CSV_LABEL, at: clock.now(), ...plan });
      return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged };
    } catch (error) {
      // Someone saved one of these emails meanwhile (a web form, another import): read again and redo the batch.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

function planBatch(byKey: Map<string, Partial<LeadFields>>, existing: Map<string, ExistingLead>, segments: SegmentCriteria[]) {
  const create: NewLeadRow[] = [];
  const update: LeadUpdate[] = [];
  const submissions: LeadSubmissionRow[] = [];
  let unchanged = 0;
  for (const [key, sent] of byKey) {
    const lead = existing.get(key);
    if (!lead) {
      const fields = withFit({ email: sent.email ?? key, ...sent } as LeadFields, segments);
      create.push({ emailKey: key, fields: { ...fields, searchKey: searchKeyOf(fields) } });
      continue;
    }
    // The email matched by key already; another capitalisation of it is not news.
    const differs = Object.entries(sent).some(([name, value]) => name !== "email" && lead[name as keyof ExistingLead] !== value);
    if (!differs) {
      unchanged += 1;
      continue;
    }
    const filled = outsideChanges(lead, sent);
    submissions.push({ leadId: lead.id, fields: { sent, filled: Object.keys(filled) } });
    if (Object.keys(filled).length === 0) {
      unchanged += 1;
      continue;
    }
    const merged = withFit({ ...lead, ...filled } as LeadFields, segments);
    const fit = segments.length > 0 ? { fitGrade: merged.fitGrade ?? null, fitSegmentId: merged.fitSegmentId ?? null } : {};
    update.push({ lead, changes: { ...filled, ...fit, searchKey: searchKeyOf(merged) } });
  }
  return { create, update, submissions, unchanged };
}

/** With an ICP, the computed grade wins over a hand-given one (as in saveLead). */
function withFit(fields: LeadFields, segments: SegmentCriteria[]): LeadFields {
  const fit = fitOf(fields, segments);
  return fit ? { ...fields, fitGrade: fit.grade, fitSegmentId: fit.segmentId } : fields;
}

function givenFields({ input, campaignId, unmatchedCode }: BulkLead): Partial<LeadFields> {
  const fields: Record<string, string | null | undefined> = {
    email: input.email.trim(),
    name: input.name,
    company: input.company,
    phone: input.phone,
    title: input.title,
    industry: input.industry,
    companySize: input.companySize,
    region: input.region,
    notes: input.notes,
    fitGrade: input.fitGrade,
    utmSource: input.utmSource,
    utmMedium: input.utmMedium,
    utmCampaign: input.utmCampaign,
    ...(campaignId ? { campaignId } : unmatchedCode ? { unmatchedCampaignCode: unmatchedCode } : {}),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as Partial<LeadFields>;
}

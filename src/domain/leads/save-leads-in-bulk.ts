// The bulk variant of saveLead for CSV import: the same rules (upsert by email, keep stored values for fields a
// row leaves empty, a LeadEvent per change), written a batch at a time in one transaction each.
import { isUniqueViolation } from "../../db/errors.js";
import { findLeadsByEmailKeys, type LeadUpdate, type NewLeadRow, writeLeadBatch } from "../../db/lead-batches.js";
import type { LeadFields } from "../../db/leads.js";
import type { LeadFileDeps } from "./deps.js";
import { emailKey, type LeadInput } from "./lead-input.js";
import type { LeadSource } from "./save-lead.js";

export interface BulkLead {
  input: LeadInput;
  /** Resolved from the row's campaign name or code (null: none given). */
  campaignId: string | null;
}

export interface BulkCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface BulkSave {
  teamId: string;
  actorId: string;
  source: LeadSource;
  leads: BulkLead[];
}

/** Saves a batch of valid leads (already parsed with parseLeadInput). Later rows for the same email win. */
export async function saveLeadsInBulk(deps: Pick<LeadFileDeps, "db" | "provider" | "clock">, batch: BulkSave): Promise<BulkCounts> {
  const { db, provider, clock } = deps;
  const { teamId, actorId, source, leads } = batch;
  const byKey = new Map<string, Partial<LeadFields>>();
  for (const { input, campaignId } of leads) {
    const key = emailKey(input.email);
    byKey.set(key, { ...byKey.get(key), ...givenFields(input, campaignId) });
  }
  for (let attempt = 0; ; attempt++) {
    const existing = new Map(
      (await findLeadsByEmailKeys(db, provider, teamId, [...byKey.keys()])).map((lead) => [lead.emailKey ?? "", lead]),
    );
    const create: NewLeadRow[] = [];
    const update: LeadUpdate[] = [];
    let unchanged = 0;
    for (const [key, fields] of byKey) {
      const lead = existing.get(key);
      if (!lead) {
        create.push({ emailKey: key, fields: { email: fields.email ?? key, ...fields } as LeadFields });
        continue;
      }
      const changes = Object.fromEntries(Object.entries(fields).filter(([name, value]) => lead[name as keyof typeof lead] !== value));
      if (Object.keys(changes).length === 0) unchanged += 1;
      else update.push({ lead, changes });
    }
    try {
      await writeLeadBatch(db, provider, { teamId, actorId, source, at: clock.now(), create, update });
      return { created: create.length, updated: update.length, unchanged };
    } catch (error) {
      // Someone saved one of these emails meanwhile (a web form, another import): read again and redo the batch.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

function givenFields(input: LeadInput, campaignId: string | null): Partial<LeadFields> {
  const fields: Record<string, string | undefined> = {
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
    ...(campaignId ? { campaignId } : {}),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as Partial<LeadFields>;
}

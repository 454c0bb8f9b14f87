// What an outside source (web form, lead source, CSV row) may change on a lead that already exists: it adds, it
// never overwrites. A person changes a lead's data in Slack.
import type { Lead, LeadFields } from "../../db/leads.js";

/** Stages at which sales has decided on the lead (accepted it, or sent it to nurture) or that follow. */
const DECIDED_STAGES = new Set(["sql", "opportunity", "won", "lost", "nurture"]);

/** An owned or decided lead keeps every field as it is: contact fields, campaign, everything. */
export function isOwnedOrDecided(lead: Pick<Lead, "ownerId" | "stage">): boolean {
  return lead.ownerId !== null || DECIDED_STAGES.has(lead.stage);
}

const empty = (value: unknown) => value === null || value === undefined || value === "";

/**
 * The fields an outside submission fills on `existing`: only those that are empty there, never the email, and
 * nothing at all on an owned or decided lead. A campaign is filled only when the lead has none and no unmatched
 * code either (a code waiting to be mapped says where it came from).
 */
export function outsideChanges(
  existing: Pick<Lead, "ownerId" | "stage"> & Partial<Record<keyof LeadFields, unknown>>,
  sent: Partial<LeadFields>,
): Partial<LeadFields> {
  if (isOwnedOrDecided(existing)) return {};
  const changes: Partial<LeadFields> = {};
  const unattributed = empty(existing.campaignId) && empty(existing.unmatchedCampaignCode);
  for (const [field, value] of Object.entries(sent) as [keyof LeadFields, unknown][]) {
    if (field === "email" || empty(value)) continue;
    if (field === "campaignId" || field === "unmatchedCampaignCode") {
      if (unattributed) Object.assign(changes, { [field]: value });
      continue;
    }
    if (empty(existing[field])) Object.assign(changes, { [field]: value });
  }
  return changes;
}

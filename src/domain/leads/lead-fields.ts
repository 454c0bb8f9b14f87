// From a validated LeadInput to the lead's stored fields: the campaign resolved within the workspace.
import type { Db } from "../../db/client.js";
import { campaignIdInTeam, type LeadFields } from "../../db/leads.js";
import { campaignForCode, codeKey } from "../../db/tracking-codes.js";
import { AppError } from "../../lib/errors.js";
import type { LeadInput } from "./lead-input.js";

/** Where a lead from outside Slack came from, and what its source does with it. */
export interface OutsideOrigin {
  /** web_form, csv, or a lead source's provider: recorded with what was sent. */
  channel: string;
  /** How people call it in the lead's history, e.g. "a web form", "Typeform". */
  label: string;
  sourceId?: string | null;
  /** The campaign for leads that name none (a lead source's default campaign). */
  defaultCampaignId?: string | null;
}

/**
 * The stored fields for `input`. A campaign chosen by id (the modal) must exist in the workspace. A tracking code
 * from outside Slack that matches no campaign is kept on the lead (`unmatchedCampaignCode`) for an admin to map,
 * instead of refusing the lead; without a code, the origin's default campaign applies.
 */
export async function leadFields(db: Db, teamId: string, input: LeadInput, outside?: OutsideOrigin): Promise<LeadFields> {
  const campaign = await campaignOf(db, teamId, input, outside);
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
    fitGrade: input.fitGrade ?? null,
    ...campaign,
    ...(input.utmSource ? { utmSource: input.utmSource } : {}),
    ...(input.utmMedium ? { utmMedium: input.utmMedium } : {}),
    ...(input.utmCampaign ? { utmCampaign: input.utmCampaign } : {}),
  };
}

async function campaignOf(
  db: Db,
  teamId: string,
  input: LeadInput,
  outside: OutsideOrigin | undefined,
): Promise<Pick<LeadFields, "campaignId" | "unmatchedCampaignCode">> {
  if (input.campaignId || (input.campaignCode && !outside)) {
    const ref = input.campaignId ? { id: input.campaignId } : { code: input.campaignCode ?? "" };
    const campaignId = await campaignIdInTeam(db, teamId, ref);
    if (!campaignId) {
      throw new AppError("invalid_input", "That campaign doesn't exist in this workspace.", {
        campaignId: "Pick one of this workspace's campaigns.",
      });
    }
    return { campaignId };
  }
  if (input.campaignCode) {
    const campaignId = await campaignForCode(db, teamId, input.campaignCode);
    return campaignId ? { campaignId } : { campaignId: null, unmatchedCampaignCode: codeKey(input.campaignCode) };
  }
  const fallback = outside?.defaultCampaignId ? await campaignIdInTeam(db, teamId, { id: outside.defaultCampaignId }) : null;
  return { campaignId: fallback };
}

/** What a submission sent, as recorded on the lead's history: the non-empty fields of the input. */
export function sentFields(input: LeadInput): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => typeof value === "string" && value !== "")) as Record<
    string,
    string
  >;
}

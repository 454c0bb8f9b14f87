import type { Lead } from "../../domain/leads/leads.js";
import type { LeadFormValues } from "./lead-modal.js";

/** A stored lead as the modal's starting values. */
export function leadFormValues(lead: Lead, campaignName: string | null): LeadFormValues {
  return {
    email: lead.email,
    name: lead.name,
    company: lead.company,
    phone: lead.phone,
    title: lead.title,
    industry: lead.industry,
    companySize: lead.companySize,
    region: lead.region,
    notes: lead.notes,
    fitGrade: lead.fitGrade,
    campaign: lead.campaignId && campaignName ? { id: lead.campaignId, name: campaignName } : null,
  };
}

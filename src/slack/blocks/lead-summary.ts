import { NOT_GRADED } from "../../domain/labels.js";
import { escapeMrkdwn, truncate } from "./text.js";

/** The lead fields a summary shows; personal ones are null once erased. */
export interface LeadSummaryFields {
  name: string | null;
  email: string | null;
  phone?: string | null;
  company: string | null;
  title: string | null;
  fitGrade: string | null;
  notes?: string | null;
  erased?: boolean;
}

const NOTES_SHOWN = 600;

/** "*Jane Doe* · VP Marketing at Acme" (or "A lead at Acme" when the name is unknown or erased). */
export function leadHeadline(lead: LeadSummaryFields): string {
  const who = lead.erased ? "_Erased lead_" : lead.name ? `*${escapeMrkdwn(truncate(lead.name, 80))}*` : "*Unnamed lead*";
  const role = [lead.title, lead.company].filter(Boolean).map((v) => escapeMrkdwn(truncate(v as string, 60)));
  return role.length > 0 ? `${who} · ${role.join(" at ")}` : who;
}

/** Headline plus contact, campaign, fit and notes: the body of confirmations and cards. */
export function leadSummaryText(lead: LeadSummaryFields, campaignName: string | null): string {
  const lines = [leadHeadline(lead)];
  const contact = [lead.email, lead.phone].filter(Boolean).map((v) => escapeMrkdwn(v as string));
  if (contact.length > 0) lines.push(contact.join(" · "));
  const facts = [`Campaign: ${campaignName ? escapeMrkdwn(truncate(campaignName, 150)) : "none"}`, `Fit: ${lead.fitGrade ?? NOT_GRADED}`];
  lines.push(facts.join(" · "));
  if (lead.notes) lines.push(`> ${escapeMrkdwn(truncate(lead.notes, NOTES_SHOWN)).replaceAll("\n", "\n> ")}`);
  if (lead.erased) lines.push("_Personal data erased on request._");
  return lines.join("\n");
}

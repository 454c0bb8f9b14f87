// One definition of what a valid lead is, shared by the /lead modal, the web-form webhook and CSV import.
import { z } from "zod";
import { fieldErrors } from "../form-errors.js";

export const COMPANY_SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"] as const;
export const FIT_GRADES = ["A", "B", "C", "D"] as const;

export const LIMITS = {
  name: 100,
  email: 254,
  company: 120,
  phone: 32,
  title: 100,
  industry: 80,
  region: 80,
  notes: 2000,
  utm: 200,
} as const;

const trimmed = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} can be at most ${max} characters.`)
    .transform((value) => (value === "" ? undefined : value))
    .optional();

export const leadInputSchema = z.object({
  email: z
    .string({ message: "An email address is required." })
    .trim()
    .min(1, "An email address is required.")
    .max(LIMITS.email, `An email address can be at most ${LIMITS.email} characters.`)
    .pipe(z.email("That doesn't look like an email address (for example jane@acme.com).")),
  name: trimmed(LIMITS.name, "A name"),
  company: trimmed(LIMITS.company, "A company name"),
  phone: trimmed(LIMITS.phone, "A phone number").refine(
    (value) => value === undefined || /^\+?[0-9 ().\-/]{5,}(\s*(x|ext\.?)\s*\d+)?$/i.test(value),
    "A phone number can only have digits, spaces, + ( ) - . / and an extension (for example +1 415 555 0100).",
  ),
  title: trimmed(LIMITS.title, "A job title"),
  industry: trimmed(LIMITS.industry, "An industry"),
  companySize: z.enum(COMPANY_SIZES, { message: `Company size must be one of ${COMPANY_SIZES.join(", ")}.` }).optional(),
  region: trimmed(LIMITS.region, "A region"),
  notes: trimmed(LIMITS.notes, "Notes"),
  /** A campaign of the same workspace, by id (the modal's select) ... */
  campaignId: z.string().trim().min(1).optional(),
  /** ... or by its tracking code (web forms, CSV). */
  campaignCode: z.string().trim().min(1).max(LIMITS.utm).optional(),
  /** UTM parameters as a form or booking page received them (utm_campaign is also the tracking code). */
  utmSource: trimmed(LIMITS.utm, "utm_source"),
  utmMedium: trimmed(LIMITS.utm, "utm_medium"),
  utmCampaign: trimmed(LIMITS.utm, "utm_campaign"),
  /** Chosen by hand until the workspace has an ICP; then computed. */
  fitGrade: z.enum(FIT_GRADES, { message: "Fit must be A, B, C or D." }).optional(),
});

export type LeadInput = z.infer<typeof leadInputSchema>;
export type LeadField = keyof LeadInput;

export type ParsedLead = { ok: true; lead: LeadInput } | { ok: false; errors: Partial<Record<LeadField, string>> };

/** Validates raw input; on failure, one message per field a person can act on. */
export function parseLeadInput(raw: unknown): ParsedLead {
  const result = leadInputSchema.safeParse(raw);
  if (result.success) return { ok: true, lead: result.data };
  return { ok: false, errors: fieldErrors<LeadField>(result.error.issues) };
}

/** The lead's identity within a workspace: its email, trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

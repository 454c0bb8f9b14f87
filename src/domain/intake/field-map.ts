// The mapping from a form's own field names to lead fields: what admins type in /baton settings → Lead sources,
// and how a submission becomes a lead with it.
import { headerKey, type LeadColumn, leadColumnFor, rawLeadFrom } from "../leads/lead-columns.js";
import { type ParsedLead, parseLeadInput } from "../leads/lead-input.js";
import type { FormSubmission } from "./providers/types.js";

export type FieldMap = Record<string, LeadColumn>;

/** The lead fields a form field can be mapped to, as admins write them. */
export const MAPPABLE = [
  "email",
  "name",
  "first name",
  "last name",
  "company",
  "phone",
  "title",
  "campaign",
  "notes",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "industry",
  "company size",
  "region",
] as const;

const MAX_LINES = 40;

export type FieldMapParse = { ok: true; map: FieldMap } | { ok: false; message: string };

/** Reads lines like `What's your company? = company` (also `→` or `->`). Blank lines are skipped. */
export function parseFieldMap(text: string | undefined): FieldMapParse {
  const map: FieldMap = {};
  const lines = (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > MAX_LINES) return { ok: false, message: `At most ${MAX_LINES} lines.` };
  for (const [i, line] of lines.entries()) {
    const match = line.match(/^(.+?)\s*(?:=|→|->)\s*([^=→]+)$/);
    const column = match?.[2] ? leadColumnFor(match[2]) : undefined;
    if (!match?.[1] || !column) {
      return {
        ok: false,
        message: `Line ${i + 1} ("${line.slice(0, 60)}"): write "form field = lead field", the lead field one of ${MAPPABLE.join(", ")}.`,
      };
    }
    map[match[1].trim()] = column;
  }
  return { ok: true, map };
}

/** The map as admins typed it, one line per field. */
export const fieldMapText = (map: FieldMap): string =>
  Object.entries(map)
    .map(([field, column]) => `${field} = ${column}`)
    .join("\n");

/**
 * The lead a submission carries: the admin's mapping first, then what the payload's types say (an email field),
 * then form fields whose names are a lead field's ("Company", "utm_campaign"). Validated like the /lead modal.
 */
export function leadFromSubmission(submission: FormSubmission, map: FieldMap): ParsedLead {
  const named: Partial<Record<LeadColumn, string>> = {};
  const byKey = new Map(Object.entries(submission.values).map(([name, value]) => [headerKey(name), value]));
  for (const [field, column] of Object.entries(map)) {
    const value = submission.values[field] ?? byKey.get(headerKey(field));
    if (value?.trim()) named[column] ??= value;
  }
  for (const [column, value] of Object.entries(submission.typed) as [LeadColumn, string][]) if (value.trim()) named[column] ??= value;
  for (const [name, value] of Object.entries(submission.values)) {
    const column = leadColumnFor(name);
    if (column && value.trim()) named[column] ??= value;
  }
  const { campaign, ...raw } = rawLeadFrom(named);
  return parseLeadInput({ ...raw, ...(campaign ? { campaignCode: campaign } : {}) });
}

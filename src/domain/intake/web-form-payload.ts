import { type LeadColumn, leadColumnFor, rawLeadFrom } from "../leads/lead-columns.js";
import { type LeadInput, parseLeadInput } from "../leads/lead-input.js";

export interface FieldError {
  field: string;
  message: string;
}

export type WebFormPayload = { ok: true; lead: LeadInput } | { ok: false; status: 400 | 415; errors: FieldError[] };

/** Reads a web form's body (JSON object or form-encoded) into a lead, validated like the /lead modal. */
export function parseWebFormPayload(rawBody: Buffer, contentType: string | undefined): WebFormPayload {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  let fields: Record<string, unknown>;
  if (type === "application/json" || type.endsWith("+json")) {
    try {
      fields = JSON.parse(rawBody.toString("utf8")) as Record<string, unknown>;
    } catch {
      return invalid([{ field: "body", message: "The body is not valid JSON." }]);
    }
    if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
      return invalid([
        { field: "body", message: 'The body must be a JSON object with the lead\'s fields, e.g. {"email": "jane@acme.com"}.' },
      ]);
    }
  } else if (type === "application/x-www-form-urlencoded") {
    fields = Object.fromEntries(new URLSearchParams(rawBody.toString("utf8")));
  } else {
    return { ok: false, status: 415, errors: [{ field: "body", message: "Send application/json or application/x-www-form-urlencoded." }] };
  }
  const named: Partial<Record<LeadColumn, string>> = {};
  const typeErrors: FieldError[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const column = leadColumnFor(key);
    if (!column || value === null || value === undefined) continue; // other form fields (buttons, consent boxes) are ignored
    if (typeof value === "string" || typeof value === "number") named[column] = String(value);
    else typeErrors.push({ field: column, message: `${column} must be text.` });
  }
  if (typeErrors.length > 0) return invalid(typeErrors);
  const { campaign, ...raw } = rawLeadFrom(named);
  const parsed = parseLeadInput({ ...raw, ...(campaign ? { campaignCode: campaign } : {}) });
  if (!parsed.ok) {
    return invalid(Object.entries(parsed.errors).map(([field, message]) => ({ field: publicField(field), message: message ?? "" })));
  }
  return { ok: true, lead: parsed.lead };
}

/** The name a form author knows a field by. */
export const publicField = (field: string): string => (field === "campaignCode" || field === "campaignId" ? "campaign" : field);

const invalid = (errors: FieldError[]): WebFormPayload => ({ ok: false, status: 400, errors });

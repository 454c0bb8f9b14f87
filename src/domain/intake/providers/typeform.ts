// Typeform: https://www.typeform.com/developers/webhooks/secure-your-webhooks/ (Typeform-Signature:
// "sha256=" + base64 HMAC-SHA256 of the raw body with the webhook's secret; no timestamp) and
// https://www.typeform.com/developers/webhooks/example-payload/ (form_response: token, answers, hidden fields).
import type { LeadColumn } from "../../leads/lead-columns.js";
import { asArray, asRecord, hmac, jsonBody, notJson, type ProviderSpec, sameText, textOf } from "./types.js";

const TYPED: Record<string, LeadColumn> = { email: "email", phone_number: "phone" };

export const typeform: ProviderSpec = {
  id: "typeform",
  label: "Typeform",
  announcedAs: "Typeform form",
  secretMadeBy: "baton",
  docs: "https://www.typeform.com/developers/webhooks/secure-your-webhooks/",
  verify(request, secret) {
    const given = request.header("typeform-signature");
    if (!given) return { ok: false, reason: "missing" };
    return sameText(`sha256=${hmac(secret, request.rawBody, "base64")}`, given) ? { ok: true } : { ok: false, reason: "mismatch" };
  },
  parse(request) {
    const body = jsonBody(request);
    if (!body) return notJson;
    if (body.event_type !== "form_response") return { kind: "ignored", reason: `event_type ${String(body.event_type)}` };
    const response = asRecord(body.form_response);
    const titles = new Map(
      asArray(asRecord(response.definition).fields).map((f) => [String(asRecord(f).id), String(asRecord(f).title ?? "")]),
    );
    const values: Record<string, string> = {};
    const typed: Partial<Record<LeadColumn, string>> = {};
    for (const raw of asArray(response.answers)) {
      const answer = asRecord(raw);
      const field = asRecord(answer.field);
      const value = answerText(answer);
      if (value === undefined) continue;
      for (const name of [field.ref, field.id, titles.get(String(field.id))]) if (typeof name === "string" && name) values[name] = value;
      const column = TYPED[String(answer.type)];
      if (column && !typed[column]) typed[column] = value;
    }
    for (const [name, value] of Object.entries(asRecord(response.hidden))) {
      const text = textOf(value);
      if (text !== undefined) values[name] = text;
    }
    return { kind: "lead", eventId: typeof response.token === "string" ? response.token : null, values, typed };
  },
};

/** An answer's value sits under a key named after its type ("email", "text", "choice", ...). */
function answerText(answer: Record<string, unknown>): string | undefined {
  const type = String(answer.type);
  const value = answer[type];
  if (type === "choice") return textOf(asRecord(value).label) ?? textOf(asRecord(value).other);
  if (type === "choices") return textOf(asRecord(value).labels);
  return textOf(value);
}

// Tally: https://tally.so/help/webhooks (Tally-Signature: base64 HMAC-SHA256 of the JSON payload with the
// webhook's signing secret; no timestamp; FORM_RESPONSE events with data.responseId and data.fields).
import type { LeadColumn } from "../../leads/lead-columns.js";
import { asArray, asRecord, hmac, jsonBody, notJson, type ProviderSpec, sameText, textOf } from "./types.js";

const TYPED: Record<string, LeadColumn> = { INPUT_EMAIL: "email", INPUT_PHONE_NUMBER: "phone" };

export const tally: ProviderSpec = {
  id: "tally",
  label: "Tally",
  announcedAs: "Tally form",
  secretMadeBy: "baton",
  docs: "https://tally.so/help/webhooks",
  verify(request, secret) {
    const given = request.header("tally-signature");
    if (!given) return { ok: false, reason: "missing" };
    return sameText(hmac(secret, request.rawBody, "base64"), given) ? { ok: true } : { ok: false, reason: "mismatch" };
  },
  parse(request) {
    const body = jsonBody(request);
    if (!body) return notJson;
    if (body.eventType !== "FORM_RESPONSE") return { kind: "ignored", reason: `eventType ${String(body.eventType)}` };
    const data = asRecord(body.data);
    const values: Record<string, string> = {};
    const typed: Partial<Record<LeadColumn, string>> = {};
    for (const raw of asArray(data.fields)) {
      const field = asRecord(raw);
      const value = fieldText(field);
      if (value === undefined) continue;
      for (const name of [field.key, field.label]) if (typeof name === "string" && name) values[name] = value;
      const column = TYPED[String(field.type)];
      if (column && !typed[column]) typed[column] = value;
    }
    const eventId = typeof data.responseId === "string" ? data.responseId : typeof body.eventId === "string" ? body.eventId : null;
    return { kind: "lead", eventId, values, typed };
  },
};

/** Choice fields carry option ids in `value` and the texts in `options`. */
function fieldText(field: Record<string, unknown>): string | undefined {
  const options = new Map(asArray(field.options).map((o) => [String(asRecord(o).id), String(asRecord(o).text ?? "")]));
  const value = Array.isArray(field.value) && options.size > 0 ? field.value.map((id) => options.get(String(id)) ?? id) : field.value;
  return textOf(value);
}

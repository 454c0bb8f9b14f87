// HubSpot: https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation
// (X-HubSpot-Signature-v3: base64 HMAC-SHA256 with the app's client secret of method + URI + raw body +
// X-HubSpot-Request-Timestamp (milliseconds); refuse a timestamp older than 5 minutes; decode the URI's %-escapes
// listed there) and https://knowledge.hubspot.com/workflows/how-do-i-use-webhooks-with-hubspot-workflows (the
// "Send a webhook" action posts the record's properties, all of them or the ones picked).
import { createHash } from "node:crypto";
import type { LeadColumn } from "../../leads/lead-columns.js";
import { asRecord, fresh, hmac, jsonBody, notJson, type ProviderSpec, sameText, textOf } from "./types.js";

const TOLERANCE_MS = 5 * 60_000;
const DECODED: Record<string, string> = {
  "%3A": ":",
  "%2F": "/",
  "%3F": "?",
  "%40": "@",
  "%21": "!",
  "%24": "$",
  "%27": "'",
  "%28": "(",
  "%29": ")",
  "%2A": "*",
  "%2C": ",",
  "%3B": ";",
};
/** HubSpot's internal property names for the lead fields. */
const TYPED: Record<string, LeadColumn> = {
  email: "email",
  firstname: "firstName",
  lastname: "lastName",
  company: "company",
  phone: "phone",
  mobilephone: "phone",
  jobtitle: "title",
  industry: "industry",
};

export const hubspot: ProviderSpec = {
  id: "hubspot",
  label: "HubSpot",
  announcedAs: "HubSpot workflow",
  secretMadeBy: "provider",
  docs: "https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation",
  verify(request, secret) {
    const timestamp = request.header("x-hubspot-request-timestamp");
    const given = request.header("x-hubspot-signature-v3");
    if (!timestamp || !given || !/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: "missing" };
    if (!fresh(Number(timestamp), request.now, TOLERANCE_MS)) return { ok: false, reason: "stale" };
    const uri = request.url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (code) => DECODED[code.toUpperCase()] ?? code);
    const signed = Buffer.concat([Buffer.from(`${request.method}${uri}`), request.rawBody, Buffer.from(timestamp)]);
    return sameText(hmac(secret, signed, "base64"), given) ? { ok: true } : { ok: false, reason: "mismatch" };
  },
  parse(request) {
    const body = jsonBody(request);
    if (!body) return notJson;
    const values: Record<string, string> = {};
    // "Include all properties" nests them as { name: { value } }; a customised body sends them flat.
    for (const [name, value] of Object.entries({ ...body, ...asRecord(body.properties) })) {
      const text = textOf(asRecord(value).value ?? value);
      if (text !== undefined && name !== "properties") values[name] = text;
    }
    const typed: Partial<Record<LeadColumn, string>> = {};
    for (const [name, column] of Object.entries(TYPED)) if (values[name] && !typed[column]) typed[column] = values[name];
    // A workflow's webhook carries no event id; a retry repeats the same record and body.
    const record = textOf(body.objectId ?? body.vid ?? values.hs_object_id) ?? "record";
    const eventId = `${record}:${createHash("sha256").update(request.rawBody).digest("hex").slice(0, 32)}`;
    return { kind: "lead", eventId, values, typed };
  },
};

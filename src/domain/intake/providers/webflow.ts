// Webflow: https://developers.webflow.com/data/docs/working-with-webhooks (x-webflow-timestamp in milliseconds,
// x-webflow-signature: hex HMAC-SHA256 of "<timestamp>:<raw body>" with the secret Webflow signs with; refuse a
// request older than 5 minutes; form_submission events with payload.id and payload.data).
import { asRecord, fresh, hmac, jsonBody, notJson, type ProviderSpec, sameText, textOf } from "./types.js";

const TOLERANCE_MS = 5 * 60_000;

export const webflow: ProviderSpec = {
  id: "webflow",
  label: "Webflow",
  announcedAs: "Webflow form",
  secretMadeBy: "provider",
  docs: "https://developers.webflow.com/data/docs/working-with-webhooks",
  verify(request, secret) {
    const timestamp = request.header("x-webflow-timestamp");
    const given = request.header("x-webflow-signature");
    if (!timestamp || !given || !/^\d{1,15}$/.test(timestamp)) return { ok: false, reason: "missing" };
    if (!fresh(Number(timestamp), request.now, TOLERANCE_MS)) return { ok: false, reason: "stale" };
    const signed = Buffer.concat([Buffer.from(`${timestamp}:`), request.rawBody]);
    return sameText(hmac(secret, signed, "hex"), given) ? { ok: true } : { ok: false, reason: "mismatch" };
  },
  parse(request) {
    const body = jsonBody(request);
    if (!body) return notJson;
    if (body.triggerType !== "form_submission") return { kind: "ignored", reason: `triggerType ${String(body.triggerType)}` };
    const payload = asRecord(body.payload);
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(asRecord(payload.data))) {
      const text = textOf(value);
      if (text !== undefined) values[name] = text;
    }
    return { kind: "lead", eventId: typeof payload.id === "string" ? payload.id : null, values, typed: {} };
  },
};

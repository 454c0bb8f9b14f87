// Zapier, Make and anything else that can send an HTTP request: the source's token as a bearer token
// (Authorization: Bearer <token>, or X-Baton-Token), or Baton's own signature (X-Baton-Timestamp and
// X-Baton-Signature, as POST /webhooks/leads, with the source's token as the secret). JSON or form-encoded fields;
// an Idempotency-Key header makes retries safe.
import { checkWebFormSignature } from "../web-form-signature.js";
import { type ProviderSpec, sameText, textOf } from "./types.js";

export const generic: ProviderSpec = {
  id: "generic",
  label: "Zapier, Make or another tool",
  announcedAs: "webhook",
  secretMadeBy: "baton",
  docs: "",
  verify(request, secret) {
    const bearer = request.header("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1] ?? request.header("x-baton-token");
    if (bearer !== undefined) return sameText(secret, bearer) ? { ok: true } : { ok: false, reason: "mismatch" };
    const check = checkWebFormSignature({
      secret,
      timestamp: request.header("x-baton-timestamp"),
      signature: request.header("x-baton-signature"),
      rawBody: request.rawBody,
      now: request.now,
    });
    return check.ok ? { ok: true } : { ok: false, reason: check.reason };
  },
  parse(request) {
    const type = (request.contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    let fields: Record<string, unknown>;
    if (type === "application/x-www-form-urlencoded") fields = Object.fromEntries(new URLSearchParams(request.rawBody.toString("utf8")));
    else {
      try {
        fields = JSON.parse(request.rawBody.toString("utf8")) as Record<string, unknown>;
      } catch {
        return { kind: "invalid", message: "Send a JSON object (or form-encoded fields) with the lead's fields." };
      }
      if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
        return { kind: "invalid", message: 'The body must be a JSON object, e.g. {"email": "jane@acme.com"}.' };
      }
    }
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields)) {
      const text = textOf(value);
      if (text !== undefined) values[name] = text;
    }
    return { kind: "lead", eventId: request.header("idempotency-key")?.trim() || null, values, typed: {} };
  },
};

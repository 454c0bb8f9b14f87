// Calendly: https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures and
// https://developer.calendly.com/docs/webhooks/overview (Calendly-Webhook-Signature: "t=<unix seconds>,v1=<hex>",
// hex HMAC-SHA256 of "<t>.<raw body>" with the subscription's signing key; its example refuses a t older than 3
// minutes) and the invitee.created payload (payload.uri, email, name, questions_and_answers, tracking).
import type { LeadColumn } from "../../leads/lead-columns.js";
import { asArray, asRecord, fresh, hmac, jsonBody, notJson, type ProviderSpec, sameText, textOf } from "./types.js";

const TOLERANCE_MS = 3 * 60_000;

export const calendly: ProviderSpec = {
  id: "calendly",
  label: "Calendly",
  announcedAs: "Calendly booking",
  secretMadeBy: "baton",
  docs: "https://developer.calendly.com/api-docs/overview/webhooks/webhook-signatures",
  verify(request, secret) {
    const parts = new Map(
      (request.header("calendly-webhook-signature") ?? "").split(",").map((part) => {
        const [key, ...rest] = part.trim().split("=");
        return [key ?? "", rest.join("=")] as const;
      }),
    );
    const t = parts.get("t");
    const given = parts.get("v1");
    if (!t || !given || !/^\d{1,12}$/.test(t)) return { ok: false, reason: "missing" };
    if (!fresh(Number(t) * 1000, request.now, TOLERANCE_MS)) return { ok: false, reason: "stale" };
    const signed = Buffer.concat([Buffer.from(`${t}.`), request.rawBody]);
    return sameText(hmac(secret, signed, "hex"), given) ? { ok: true } : { ok: false, reason: "mismatch" };
  },
  parse(request) {
    const body = jsonBody(request);
    if (!body) return notJson;
    if (body.event !== "invitee.created") return { kind: "ignored", reason: `event ${String(body.event)}` };
    const invitee = asRecord(body.payload);
    const values: Record<string, string> = {};
    for (const raw of asArray(invitee.questions_and_answers)) {
      const qa = asRecord(raw);
      const answer = textOf(qa.answer);
      if (typeof qa.question === "string" && answer !== undefined) values[qa.question] = answer;
    }
    for (const [name, value] of Object.entries(asRecord(invitee.tracking))) {
      const text = textOf(value);
      if (text) values[name] = text;
    }
    const event = asRecord(invitee.scheduled_event);
    const typed: Partial<Record<LeadColumn, string>> = {};
    const fill = (column: LeadColumn, value: unknown) => {
      const text = textOf(value);
      if (text) typed[column] = text;
    };
    fill("email", invitee.email);
    fill("name", invitee.name);
    fill("firstName", invitee.first_name);
    fill("lastName", invitee.last_name);
    fill("phone", invitee.text_reminder_number);
    if (typeof event.name === "string") fill("notes", `Booked ${event.name}${event.start_time ? ` for ${String(event.start_time)}` : ""}`);
    return { kind: "lead", eventId: typeof invitee.uri === "string" ? invitee.uri : null, values, typed };
  },
};

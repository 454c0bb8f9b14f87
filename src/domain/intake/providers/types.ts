// What every form and booking provider implements: checking its own documented signature, and reading its own
// documented payload into form fields Baton can map to a lead.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { LeadColumn } from "../../leads/lead-columns.js";

export const PROVIDER_IDS = ["typeform", "tally", "webflow", "hubspot", "calendly", "generic"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderRequest {
  method: string;
  /** The full URL the provider called (scheme, host, path, query), as HubSpot signs it. */
  url: string;
  header(name: string): string | undefined;
  contentType: string | undefined;
  rawBody: Buffer;
  now: Date;
}

export type Verdict = { ok: true } | { ok: false; reason: "missing" | "mismatch" | "stale" };

/** A submission read from a payload: the form's fields by the names its author knows, and what their types say. */
export interface FormSubmission {
  kind: "lead";
  /** The provider's event or response id: a repeat of it is a retry. */
  eventId: string | null;
  /** Field key, ref or label → text. Several names may point at one answer. */
  values: Record<string, string>;
  /** Lead fields the payload says outright (an email-type answer, Calendly's invitee name). */
  typed: Partial<Record<LeadColumn, string>>;
}

export type ParsedPayload = FormSubmission | { kind: "ignored"; reason: string } | { kind: "invalid"; message: string };

export interface ProviderSpec {
  id: ProviderId;
  /** How people call it: "Typeform". */
  label: string;
  /** The marketing channel's "New lead from a …". */
  announcedAs: string;
  /** Who makes the secret: Baton (pasted into the provider), or the provider (pasted into Baton). */
  secretMadeBy: "baton" | "provider";
  /** The provider's own page this follows. */
  docs: string;
  verify(request: ProviderRequest, secret: string): Verdict;
  parse(request: ProviderRequest): ParsedPayload;
}

export const hmac = (secret: string, data: string | Buffer, encoding: "hex" | "base64"): string =>
  createHmac("sha256", secret).update(data).digest(encoding);

/** Constant-time comparison of two strings. */
export function sameText(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given.trim());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A signed timestamp within `toleranceMs` of Baton's clock (either way). */
export function fresh(timestampMs: number, now: Date, toleranceMs: number): boolean {
  return Number.isFinite(timestampMs) && Math.abs(now.getTime() - timestampMs) <= toleranceMs;
}

export function jsonBody(request: ProviderRequest): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(request.rawBody.toString("utf8")) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Text for a field value: strings and numbers as they are, booleans as yes/no, lists joined; others dropped. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== undefined && part !== "");
    return parts.length > 0 ? parts.join(", ") : undefined;
  }
  return undefined;
}

export const notJson: ParsedPayload = { kind: "invalid", message: "The body is not the JSON object this provider sends." };

// The web-form webhook's authentication, modelled on Slack's own request signing:
//   X-Baton-Team: <Slack team id>            which workspace (and so which secret)
//   X-Baton-Timestamp: <unix seconds>         refused when more than five minutes from Baton's clock (replay)
//   X-Baton-Signature: v1=<hex>               HMAC-SHA256(secret, "v1:" + timestamp + ":" + raw body)
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_VERSION = "v1";
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export function signWebForm(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  const mac = createHmac("sha256", secret).update(`${SIGNATURE_VERSION}:${timestamp}:`).update(rawBody).digest("hex");
  return `${SIGNATURE_VERSION}=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "stale" | "mismatch" };

export function checkWebFormSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
  now: Date;
}): SignatureCheck {
  const { secret, timestamp, signature, rawBody, now } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "missing" };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: "stale" };
  const expected = Buffer.from(signWebForm(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim());
  return expected.length === given.length && timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: "mismatch" };
}

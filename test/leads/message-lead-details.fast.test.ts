// What the "Log as lead" shortcut finds in a message's text to fill the lead form.
import { describe, expect, it } from "vitest";
import { companyFromEmail, leadDetailsFromText, plainMessageText } from "../../src/domain/leads/message-lead-details.js";

describe("lead details in a Slack message", () => {
  it("reads emails and phone numbers as Slack sends them (mailto and tel links), once each", () => {
    const text =
      "Hi! I'm Jane, reach me at <mailto:jane@acme-robotics.io|jane@acme-robotics.io> or <tel:+14155550100|+1 415 555 0100>. " +
      "Cc <mailto:ops@acme-robotics.io|ops@acme-robotics.io>, and again jane@acme-robotics.io, (415) 555-0199 after 5.";
    const details = leadDetailsFromText(text);
    expect(details.emails).toEqual(["jane@acme-robotics.io", "ops@acme-robotics.io"]);
    expect(details.phones).toEqual(["+1 415 555 0100", "(415) 555-0199"]);
  });

  it("finds company names: labelled, with a legal suffix, after 'from' or 'at', then from a work email's domain", () => {
    expect(leadDetailsFromText("Company: Initech\nwants a demo").companies).toEqual(["Initech"]);
    expect(leadDetailsFromText("Spoke to the team of Globex Corporation yesterday.").companies).toEqual(["Globex Corporation"]);
    expect(leadDetailsFromText("Jane from Acme Robotics Inc. asked for pricing").companies[0]).toBe("Acme Robotics Inc");
    expect(leadDetailsFromText("VP of Sales at Umbrella, wants a call on Monday").companies).toEqual(["Umbrella"]);
    expect(leadDetailsFromText("new lead: bob@hooli.co.uk").companies).toEqual(["Hooli"]);
  });

  it("does not take dates, prices, people or free mail providers for phones or companies", () => {
    const details = leadDetailsFromText("Met Jane at Monday's expo on 2026-10-01, budget $12,500. Mail jane.doe@gmail.com");
    expect(details.phones).toEqual([]);
    expect(details.companies).toEqual([]);
    expect(details.emails).toEqual(["jane.doe@gmail.com"]);
    expect(companyFromEmail("x@outlook.com")).toBeUndefined();
  });

  it("reads links and mentions as the text a person sees", () => {
    expect(plainMessageText("<@U0123> see <https://acme.com|acme.com> &amp; <#C0123|sales>")).toBe("  see acme.com &  ");
    expect(leadDetailsFromText("")).toEqual({ emails: [], phones: [], companies: [] });
  });

  it("reads a message's first 4,000 characters: a long paste costs no more than that", () => {
    const pasted = `jane@acme.io ${"<".repeat(40_000)} late@acme.io`;
    expect(leadDetailsFromText(pasted).emails).toEqual(["jane@acme.io"]);
    expect(leadDetailsFromText(`${"a".repeat(40_000)}@`).emails).toEqual([]);
  });
});

// What marketing reads about its leads: a rejection names the campaign and fit with Open and Re-qualify, keeps its
// fixed reason after erasure; a web-form lead shows its fit and can be handed off from the notice.
import { describe, expect, it } from "vitest";
import type { HandoffCard } from "../../src/domain/ports.js";
import { rejectedMarketingNotice, wonNotice } from "../../src/slack/blocks/handoff-notices.js";
import { newLeadMessage } from "../../src/slack/blocks/new-lead.js";

const card: HandoffCard = {
  handoffId: "ho1",
  teamId: "T1",
  status: "rejected",
  lead: {
    id: "lead1",
    name: "Jane Doe",
    email: "jane@acme.com",
    phone: null,
    company: "Acme Corp",
    title: null,
    fitGrade: "B",
    notes: null,
    erased: false,
  },
  campaignName: "Spring Webinar",
  handedOffById: "UKIM",
  handedOffAt: new Date("2026-11-23T09:00:00Z"),
  assigneeId: null,
  slaDueAt: null,
  answerBy: null,
  breachedAt: null,
  decidedById: "UAVA",
  decidedAt: new Date("2026-11-23T09:03:00Z"),
  rejectReason: "no_budget",
  rejectNote: "Budget frozen until Q3",
  channelId: "CSALES",
  messageTs: "1.1",
  dms: [],
};
const buttonsOf = (blocks: unknown[]) =>
  (
    blocks.find((b) => (b as { type: string }).type === "actions") as
      | { elements: { action_id: string; value: string; text: { text: string } }[] }
      | undefined
  )?.elements.map((e) => [e.action_id, e.value, e.text.text]);

describe("marketing's notices", () => {
  it("a rejection names the campaign, the fit, the reason and the note, with Open and Re-qualify", () => {
    const notice = rejectedMarketingNotice(card, "https://acme.slack.com/archives/CSALES/p11");
    const shown = JSON.stringify(notice.blocks);
    for (const expected of ["Campaign: Spring Webinar · Fit: B", "*No budget*", "Budget frozen until Q3", "<@UKIM>", "<@UAVA>"])
      expect(shown).toContain(expected);
    expect(buttonsOf(notice.blocks)).toEqual([
      ["lead_open", "lead1", "Open"],
      ["lead_hand_off", "lead1", "Re-qualify"],
    ]);
  });

  it("after erasure the rejection keeps its fixed reason, drops the note and the buttons", () => {
    const erased = { ...card, rejectNote: null, lead: { ...card.lead, name: null, email: null, erased: true } };
    const notice = rejectedMarketingNotice(erased);
    const shown = JSON.stringify(notice.blocks) + notice.text;
    expect(shown).toContain("*No budget*");
    expect(shown).not.toContain("Budget frozen");
    expect(shown).not.toContain("Jane");
    expect(buttonsOf(notice.blocks)).toBeUndefined();
  });

  it("a win names the owner, the lead, the value, the campaign and who handed it off", () => {
    const win = {
      teamId: "T1",
      channelId: "CMKTG",
      ownerId: "UAVA",
      lead: { name: "Jane Doe", company: "Acme Corp", erased: false },
      valueCents: 1_200_000,
      currency: "USD",
      campaignName: "Spring Webinar",
      handedOffById: "UKIM",
    };
    expect(wonNotice(win).text).toBe(
      ":trophy: <@UAVA> won Jane Doe (Acme Corp) · $12,000.00 · Campaign: Spring Webinar · handed off by <@UKIM>",
    );
    expect(wonNotice({ ...win, lead: { name: null, company: "Acme Corp", erased: true } }).text).toContain("won a lead at Acme Corp ·");
  });

  it("a web-form lead shows its fit, campaign and a Hand off to sales button", () => {
    const notice = newLeadMessage({
      teamId: "T1",
      channelId: "CMKTG",
      source: "web form",
      lead: { id: "lead2", name: "Noah Kim", company: "Lumen", title: null, campaignName: "Spring Webinar", fitGrade: "A" },
    });
    expect(JSON.stringify(notice.blocks)).toContain("Campaign: Spring Webinar · Fit: A");
    expect(buttonsOf(notice.blocks)).toEqual([
      ["lead_hand_off", "lead2", "Hand off to sales"],
      ["lead_open", "lead2", "Open"],
    ]);
  });
});

// The notices around a handoff card name the lead as the card's header does ("Jane Doe (Acme Corp)"), escaped and
// truncated, and once the lead is erased say "a lead at Acme Corp" with who did what kept.
import { describe, expect, it } from "vitest";
import type { HandoffCard } from "../../src/domain/ports.js";
import {
  acceptedNotice,
  assignedNotice,
  escalationNotice,
  rejectedMarketingNotice,
  rejectedNotice,
} from "../../src/slack/blocks/handoff-notices.js";
import { rejectModal } from "../../src/slack/blocks/reject-modal.js";
import { textsOf } from "../helpers/block-kit.js";

const lead: HandoffCard["lead"] = {
  id: "lead1",
  name: "Jane Doe",
  email: "jane@acme.com",
  phone: "+1 415 555 0100",
  company: "Acme Corp",
  title: "VP Marketing",
  fitGrade: "B",
  notes: null,
  erased: false,
};
const accepted: HandoffCard = {
  handoffId: "ho1",
  teamId: "T1",
  status: "accepted",
  lead,
  campaignName: "Spring Webinar",
  handedOffById: "UKIM",
  handedOffAt: new Date("2026-11-23T09:00:00Z"),
  assigneeId: "UAVA",
  slaDueAt: null,
  answerBy: null,
  breachedAt: null,
  decidedById: "UAVA",
  decidedAt: new Date("2026-11-23T09:03:00Z"),
  rejectReason: null,
  rejectNote: null,
  channelId: "CSALES",
  messageTs: "1.1",
  dms: [],
};
const rejected: HandoffCard = { ...accepted, status: "rejected", rejectReason: "no_budget", rejectNote: "Call Jane in Q3" };
const pending: HandoffCard = { ...accepted, status: "pending", decidedById: null, decidedAt: null };
const erase = (card: HandoffCard): HandoffCard => ({
  ...card,
  rejectNote: null,
  lead: { ...card.lead, name: null, email: null, phone: null, notes: null, erased: true },
});
const TEAM = { groupId: "S0SALES", userIds: [] };
const shown = (message: { text: string; blocks: unknown[] }) => [message.text, ...textsOf(message.blocks)].join("\n");

describe("thread and channel notices", () => {
  it("the accepted notice says who accepted whom after how long, as the issue asks", () => {
    expect(acceptedNotice(accepted).text).toBe("<@UKIM>: <@UAVA> accepted Jane Doe (Acme Corp) after 3 min and owns it now.");
    expect(acceptedNotice({ ...accepted, lead: { ...lead, company: null } }).text).toContain("accepted Jane Doe after 3 min");
    expect(acceptedNotice({ ...accepted, lead: { ...lead, name: null } }).text).toContain("accepted a lead at Acme Corp after");
  });

  it("rejections, the escalation and the reject modal name the lead too", () => {
    expect(rejectedNotice(rejected).text).toContain("<@UAVA> rejected Jane Doe (Acme Corp): *No budget*");
    expect(rejectedMarketingNotice(rejected).text).toContain("<@UAVA> rejected Jane Doe (Acme Corp): *No budget*");
    expect(escalationNotice(pending, TEAM).text).toBe(
      ":rotating_light: <!subteam^S0SALES>: Jane Doe (Acme Corp), assigned to <@UAVA>, has waited past the agreed response time. Please accept or reject it now on the card.",
    );
    expect(shown(assignedNotice(pending, { kind: "rotation" }, null))).toContain("picked you to answer Jane Doe (Acme Corp)");
    expect(JSON.stringify(rejectModal({ handoffId: "ho1" }, "Jane Doe (Acme Corp)"))).toContain("Send Jane Doe (Acme Corp) back");
  });

  it("escapes what people typed and truncates long names", () => {
    const typed = { ...lead, name: "<!channel> *Bobby*", company: "Tables & <b>Chairs</b>" };
    const text = acceptedNotice({ ...accepted, lead: typed }).text;
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&amp; &lt;b&gt;Chairs&lt;/b&gt;");
    const long = acceptedNotice({ ...accepted, lead: { ...lead, name: "J".repeat(500) } }).text;
    expect(long).not.toContain("J".repeat(81));
  });

  it("once the lead is erased: no name, no note, the company and who did what stay", () => {
    const notices = [
      acceptedNotice(erase(accepted)),
      rejectedNotice(erase(rejected)),
      rejectedMarketingNotice(erase(rejected)),
      escalationNotice(erase(pending), TEAM),
    ];
    for (const notice of notices) {
      expect(shown(notice)).toContain("a lead at Acme Corp");
      expect(shown(notice)).not.toMatch(/Jane|Call Jane/);
    }
    expect(notices[0]?.text).toBe("<@UKIM>: <@UAVA> accepted a lead at Acme Corp after 3 min and owns it now.");
    expect(notices[1]?.text).toContain("*No budget*");
  });
});

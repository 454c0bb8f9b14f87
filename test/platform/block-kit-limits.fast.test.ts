// Block Kit builders stay within Slack's limits whatever the data: long text, many rows, none at all.
import { describe, expect, it } from "vitest";
import type { HomeData } from "../../src/domain/home/home.js";
import type { Lead } from "../../src/domain/leads/leads.js";
import type { HandoffCard } from "../../src/domain/ports.js";
import { findResultsMessage } from "../../src/slack/blocks/find-results.js";
import { handoffCardMessage } from "../../src/slack/blocks/handoff-card.js";
import { escalationNotice, rejectedNotice } from "../../src/slack/blocks/handoff-notices.js";
import { homeView } from "../../src/slack/blocks/home.js";
import { leadCardModal } from "../../src/slack/blocks/lead-card.js";
import { leadModal } from "../../src/slack/blocks/lead-modal.js";
import { rotationSettingsModal } from "../../src/slack/blocks/rotation-settings.js";

const long = (n: number, unit = "Ab<&> ") => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

type Json = Record<string, any>;

/** Every Block Kit limit Baton's builders could hit, checked recursively. */
function limitProblems(node: unknown, path = "$"): string[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => limitProblems(child, `${path}[${i}]`));
  if (typeof node !== "object" || node === null) return [];
  const n = node as Json;
  const problems: string[] = [];
  const over = (value: unknown, max: number, what: string) => {
    if (typeof value === "string" && value.length > max) problems.push(`${path}.${what}: ${value.length} > ${max}`);
  };
  if (n.type === "section") {
    over(n.text?.text, 3000, "text");
    if ((n.fields ?? []).length > 10) problems.push(`${path}: too many fields`);
  }
  if (n.type === "header") over(n.text?.text, 150, "header");
  if (n.type === "button") {
    over(n.text?.text, 75, "button text");
    over(n.value, 2000, "button value");
  }
  if (n.type === "context" && n.elements.length > 10) problems.push(`${path}: context has ${n.elements.length} elements`);
  if (n.type === "actions" && n.elements.length > 25) problems.push(`${path}: actions has ${n.elements.length} elements`);
  if (n.type === "static_select" && (n.options ?? []).length > 100) problems.push(`${path}: too many options`);
  if (n.type === "plain_text_input" && n.initial_value && n.max_length) over(n.initial_value, n.max_length, "initial_value");
  if (n.placeholder) over(n.placeholder.text, 150, "placeholder");
  if (n.type === "input") over(n.label?.text, 2000, "label");
  over(n.block_id, 255, "block_id");
  over(n.action_id, 255, "action_id");
  for (const o of Array.isArray(n.options) ? n.options : []) {
    over(o.text?.text, 75, "option text");
    over(o.value, 75, "option value");
  }
  if (n.type === "mrkdwn" || n.type === "plain_text") over(n.text, 3000, "text");
  for (const [key, value] of Object.entries(n)) if (typeof value === "object") problems.push(...limitProblems(value, `${path}.${key}`));
  return problems;
}

function expectMessageWithinLimits(message: { text: string; blocks: unknown[] }) {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(limitProblems(message.blocks)).toEqual([]);
  expect(JSON.stringify(message.blocks).length).toBeLessThan(13_000);
}

function expectViewWithinLimits(view: Json) {
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  for (const key of ["title", "submit", "close"]) if (view[key]) expect(view[key].text.length).toBeLessThanOrEqual(24);
  if (view.private_metadata) expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
  expect(limitProblems(view.blocks)).toEqual([]);
}

const at = new Date("2026-11-23T09:00:00Z");

function card(overrides: Partial<HandoffCard> = {}): HandoffCard {
  return {
    handoffId: "h".repeat(25),
    teamId: "T1",
    status: "pending",
    lead: {
      id: "l1",
      name: long(3000),
      email: `${long(240, "x")}@example.com`,
      phone: long(40, "1"),
      company: long(3000),
      title: long(3000),
      fitGrade: "A",
      notes: long(5000),
      erased: false,
    },
    campaignName: long(2000),
    handedOffById: "U1",
    handedOffAt: at,
    assigneeId: "U2",
    slaDueAt: at,
    answerBy: at,
    breachedAt: at,
    decidedById: null,
    decidedAt: null,
    rejectReason: null,
    rejectNote: null,
    channelId: "C1",
    messageTs: "1.1",
    dms: [],
    ...overrides,
  };
}

function lead(i: number): Lead {
  return {
    id: `lead${i}`,
    teamId: "T1",
    messageRefs: null,
    email: `${long(200, "e")}${i}@example.com`,
    name: long(3000),
    phone: null,
    notes: long(3000),
    emailKey: null,
    searchKey: null,
    unmatchedCampaignCode: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    company: long(3000),
    title: long(3000),
    industry: null,
    companySize: null,
    region: null,
    campaignId: null,
    fitGrade: "B",
    fitSegmentId: null,
    stage: i % 2 === 0 ? "sql" : "opportunity",
    source: "slack",
    ownerId: "U1",
    createdById: "U2",
    qualifiedById: "U2",
    dealValueCents: null,
    dealCurrency: null,
    lostReason: long(500),
    createdAt: at,
    updatedAt: at,
    mqlAt: at,
    sqlAt: at,
    opportunityAt: null,
    wonAt: null,
    lostAt: null,
    nurtureAt: null,
    erasedAt: null,
    erasedById: null,
  };
}

describe("Block Kit limits", () => {
  it("keeps a handoff card within limits in every state, with huge fields", () => {
    expectMessageWithinLimits(handoffCardMessage(card()));
    expectMessageWithinLimits(handoffCardMessage(card({ status: "accepted", decidedById: "U3", decidedAt: at })));
    expectMessageWithinLimits(
      handoffCardMessage(card({ status: "rejected", decidedById: "U3", decidedAt: at, rejectReason: "other", rejectNote: long(5000) })),
    );
    expectMessageWithinLimits(
      rejectedNotice(
        card({ status: "rejected", decidedById: "U3", decidedAt: at, rejectReason: "other", rejectNote: long(5000) }),
        "https://x",
      ),
    );
    expectMessageWithinLimits(escalationNotice(card(), { groupId: null, userIds: Array.from({ length: 500 }, (_, i) => `U${i}`) }));
  });

  it("escapes people's text so a name can't mention everyone or break formatting", () => {
    const text = JSON.stringify(
      handoffCardMessage(card({ lead: { ...card().lead, name: "<!channel> *bold*", notes: "<https://evil|click>" } })).blocks,
    );
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).not.toContain("<https://evil|click>");
  });

  it("keeps /lead find results within limits with ten long rows, and answers zero rows", () => {
    expectMessageWithinLimits(
      findResultsMessage(
        long(500),
        Array.from({ length: 10 }, (_, i) => lead(i)),
        10,
      ),
    );
    const none = findResultsMessage("nothing", [], 10);
    expectMessageWithinLimits(none);
    expect(none.text).toContain("No lead's name");
  });

  it("keeps the App Home within 100 blocks whatever the other areas add", () => {
    const waiting = Array.from({ length: 10 }, (_, i) => ({
      handoffId: `h${i}`,
      lead: lead(i),
      campaignName: long(2000),
      assigneeId: "U1",
      dueAt: at,
      clock: { dueAt: at, workingMinutesLeft: i % 2 === 0 ? -125 : 125, overdue: i % 2 === 0 },
      channelId: "C1",
      messageTs: "1.1",
    }));
    const results = Array.from({ length: 5 }, (_, i) => ({
      campaignId: `c${i}`,
      name: long(2000),
      currency: "USD",
      budgetCents: 100_000,
      leads: 12,
      mqls: 6,
      sqls: 3,
      wonDeals: 1,
      revenueCents: 250_000,
      otherRevenue: [],
      convertedRevenue: null,
      convertedAt: null,
      costPerLeadCents: 8333,
      costPerSqlCents: 33333,
      returnOnSpend: 2.5,
      returnOnSpendGap: null,
      accepted: 3,
      rejected: 1,
      acceptanceRate: 0.75,
      topRejectionReasons: [],
    }));
    const data: HomeData = {
      rep: {
        owned: [
          { stage: "sql", leads: Array.from({ length: 10 }, (_, i) => lead(i * 2)), total: 250 },
          { stage: "opportunity", leads: Array.from({ length: 10 }, (_, i) => lead(i * 2 + 1)), total: 30 },
        ],
        closed: { won: 3, lost: 4 },
        waiting,
        waitingTotal: 42,
        rotation: { member: true, away: false },
      },
      marketer: { waitingOnSales: waiting, waitingOnSalesTotal: 12, sentBack: [lead(3)], campaigns: results, monthStart: at },
      setup: {
        items: [
          { key: "channels", done: true },
          { key: "rotation", done: false },
        ],
        complete: false,
      },
    };
    const extra = Array.from({ length: 200 }, () => ({ type: "section" as const, text: { type: "mrkdwn" as const, text: "funnel" } }));
    const view = homeView(data, "U1", extra);
    expectViewWithinLimits(view);
    expect(view.blocks).toHaveLength(100);
    const roomy = homeView({ ...data, rep: null }, "U1", extra);
    expect(JSON.stringify(roomy.blocks)).toContain("funnel");
    expectViewWithinLimits(roomy);
    const empty = homeView({ rep: null, marketer: null, setup: null }, "U1");
    expectViewWithinLimits(empty);
  });

  it("keeps the lead modal, the lead card and the rotation settings within limits", () => {
    const l = lead(1);
    expectViewWithinLimits(
      leadModal(
        { ...l, campaign: { id: "c".repeat(30), name: long(500) }, fitGrade: "A", companySize: "11-50" },
        { leadId: "l".repeat(30), channelId: "C0123456789" },
        { gradedByIcp: false },
      ),
    );
    const history = Array.from({ length: 8 }, () => ({
      type: "stage_changed",
      actorId: "U1",
      at,
      fromStage: "sql",
      toStage: "lost",
      reason: long(500),
      valueCents: null,
      currency: null,
    }));
    expectViewWithinLimits(leadCardModal({ lead: l, campaignName: long(2000), awaitingSales: false, history, access: "full" }, "U1"));
    const rows = Array.from({ length: 40 }, (_, i) => ({ userId: `U${i}`, weight: "1", dailyCap: "", away: i % 3 === 0 }));
    expectViewWithinLimits(rotationSettingsModal({ enabled: true, reassignOnBreach: true, rows }));
  });
});

// The digest as Slack shows it, and its chart: within Block Kit's limits for empty and huge data, and a real PNG.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OnDemandDigests } from "../../src/domain/digests/on-demand-digests.js";
import { FunnelService } from "../../src/domain/funnel/funnel-service.js";
import { digestsListView, scheduleEditorView } from "../../src/slack/blocks/digest-settings.js";
import { COHORT_RULE, digestMessage, teamFunnelSection } from "../../src/slack/blocks/funnel.js";
import { scorecardMessage, usageMessage } from "../../src/slack/blocks/funnel-replies.js";
import { personalDigestMessage } from "../../src/slack/blocks/personal-digest.js";
import { CHART_SIZE, renderDigestChart } from "../../src/slack/charts/digest-chart.js";
import { FunnelData } from "../funnel/fixtures.js";
import { buildKnownWeek, NOW, ZONE } from "../funnel/known-week.js";
import { blockKitProblems } from "../helpers/block-kit.js";
import { TestClock } from "../helpers/clock.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { decodeImage } from "../helpers/image.js";

const allText = (blocks: unknown[]) => JSON.stringify(blocks);

describe("the digest message and chart", () => {
  let database: OpenTestDatabase;
  let funnel: FunnelService;
  let digests: OnDemandDigests;

  beforeAll(async () => {
    database = await openTestDatabase();
    await buildKnownWeek(new FunnelData(database.prisma, "T0MSG00001", ZONE));
    await new FunnelData(database.prisma, "T0MSG00002", ZONE).workspace();
    const huge = new FunnelData(database.prisma, "T0MSG00003", ZONE);
    await huge.workspace({ currency: "EUR" });
    const currencies = ["EUR", "USD", "JPY", "GBP", "CHF", "XYZ"];
    for (let i = 0; i < 120; i++) {
      const name = `${i} <b>Campaign</b> & *bold* _it_ ~strike~ ${"very long name ".repeat(25)}`;
      const campaign = await huge.campaign(name.slice(0, 400), i % 3 === 0 ? null : 1_000_000 + i, currencies[i % currencies.length]);
      const lead = await huge.lead({
        created: "2026-11-17T09:00",
        campaignId: campaign,
        fit: ["A", "B", "C", "D", null][i % 5] ?? null,
        moves: [
          ["mql", "2026-11-17T10:00"],
          ["sql", "2026-11-17T11:00"],
          ["won", "2026-11-18T11:00"],
        ],
        wonCents: 2_147_000_000,
        currency: currencies[i % currencies.length] ?? "EUR",
      });
      if (i < 12) {
        await huge.handoff({
          leadId: lead,
          handedOff: "2026-11-17T10:00",
          status: "rejected",
          decided: "2026-11-17T10:30",
          rejectReason:
            (i < 6 ? ["unable_to_reach", "inaccurate_data", "no_interest", "no_budget", "not_a_fit", "duplicate"][i] : `custom <${i}>`) ??
            "other",
        });
      }
    }
    funnel = new FunnelService({ db: database.prisma, provider: database.provider, clock: new TestClock(NOW) });
    digests = new OnDemandDigests({ db: database.prisma, provider: database.provider, clock: new TestClock(NOW), funnel });
  });
  afterAll(async () => {
    await database.dispose();
  });

  const ALL = ["action", "funnel", "pipeline", "sla", "campaigns", "rejections", "fit", "scorecard", "chart"];

  it("reads in the order of what needs action, with changes, How we count and a text fallback", async () => {
    const query = await funnel.query("T0MSG00001", "last week");
    const digest = await digests.digest(query, "shared", null);
    const message = digestMessage(digest);
    expect(blockKitProblems(message, "message")).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: "Funnel · Week of Nov 16, 2026" } });
    const text = allText(message.blocks);
    expect(text.indexOf("Needs action")).toBeLessThan(text.indexOf("New leads"));
    expect(text).toContain(":rotating_light: *Needs action*: 3 missed deadlines · 1 handoff waiting (1 overdue)");
    expect(text).toContain("*New leads*: 6\\n+3 vs last week");
    expect(text).toContain("MQL → SQL *80%*");
    expect(text).toContain("1. *Spring webinar*: 4 leads · 3 SQLs · 1 won · $10,000 · $500/lead · 5× spend");
    expect(text).toContain(":red_circle: *MQLs vs commitment*: 8 this month, 15 due by now");
    // The rules are behind "How we count", not in every post.
    expect(text).not.toContain(COHORT_RULE);
    expect(text).toContain('"action_id":"digest_how_we_count"');
    expect(message.text).toBe(
      "Funnel for Week of Nov 16, 2026: 6 new leads, 5 MQLs, 4 SQLs, 2 won ($15,000). 3 SLA breaches, 1 handoff waiting.",
    );
  });

  it("marks a late digest as late", async () => {
    const digest = await digests.digest(await funnel.query("T0MSG00001", "last week"), "sales", null);
    const message = digestMessage(digest, { lateFor: new Date("2026-11-23T14:00:00Z") });
    expect(allText(message.blocks)).toContain("*Posted late*: due Mon, Nov 23, 09:00");
    expect(message.text).toContain("(posted late)");
  });

  it("says a quiet period in one line, within limits, for a workspace with nothing in it", async () => {
    const digest = await digests.digest(await funnel.query("T0MSG00002", ""), "shared", ALL);
    const message = digestMessage(digest);
    expect(blockKitProblems(message, "message")).toEqual([]);
    expect(message.blocks).toHaveLength(1);
    expect(allText(message.blocks)).toContain("a quiet period, no lead moved and no handoff was decided");
    expect(blockKitProblems({ text: "x", blocks: teamFunnelSection(digest.report) }, "message")).toEqual([]);
  });

  it("stays within limits with 120 campaigns, 400-character names full of markup, six currencies and huge sums", async () => {
    const digest = await digests.digest(await funnel.query("T0MSG00003", "last week"), "marketing", ALL);
    expect(digest.report.campaigns.total).toBe(120);
    const message = digestMessage(digest);
    expect(blockKitProblems(message, "message")).toEqual([]);
    const text = allText(message.blocks);
    expect(text).toContain("…and 117 more campaigns with activity");
    expect(text).not.toContain("<b>");
    expect(text).toContain("&lt;b&gt;Campaign&lt;/b&gt; &amp;");
    expect(text).toContain("Not a fit 1");
    expect(text).toContain("custom &lt;6&gt; 1");
    // Absurd numbers still fit.
    const c = digest.report.counts;
    Object.assign(c, { created: 9_999_999_999, mql: 9_999_999_999, sql: 9_999_999_999, won: 9_999_999_999 });
    expect(blockKitProblems(digestMessage(digest), "message")).toEqual([]);
  });

  it("renders the chart to a decodable JPEG of the right size with the funnel's colours", async () => {
    const digest = await digests.digest(await funnel.query("T0MSG00001", "last week"), "shared", ALL);
    expect(digest.trend?.periods).toHaveLength(8);
    const chart = renderDigestChart(digest);
    expect(chart.length).toBeGreaterThan(10_000);
    const image = decodeImage(chart);
    expect(image.format).toBe("jpeg");
    expect([image.width, image.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    let white = 0;
    let mqlBlue = 0;
    let wonGreen = 0;
    for (let y = 0; y < image.height; y += 2) {
      for (let x = 0; x < image.width; x += 2) {
        const [r, g, b] = image.pixel(x, y);
        if (r === 255 && g === 255 && b === 255) white += 1;
        if (Math.abs(r - 0x3b) < 6 && Math.abs(g - 0x82) < 6 && Math.abs(b - 0xf6) < 6) mqlBlue += 1;
        if (Math.abs(r - 0x10) < 6 && Math.abs(g - 0xb9) < 6 && Math.abs(b - 0x81) < 6) wonGreen += 1;
      }
    }
    const sampled = (image.width / 2) * (image.height / 2);
    expect(white / sampled).toBeGreaterThan(0.5);
    expect(mqlBlue).toBeGreaterThan(200);
    expect(wonGreen).toBeGreaterThan(50);
  });

  it("draws a digest's chart the same whatever charts were drawn before it (the charts are reused)", async () => {
    const busy = await digests.digest(await funnel.query("T0MSG00001", "last week"), "shared", ALL);
    const quiet = await digests.digest(await funnel.query("T0MSG00002", ""), "shared", ALL);
    const first = renderDigestChart(busy);
    renderDigestChart(quiet);
    expect(renderDigestChart(busy).equals(first)).toBe(true);
    expect(renderDigestChart(quiet).equals(first)).toBe(false);
  });

  it("renders a chart for an empty period too", async () => {
    const digest = await digests.digest(await funnel.query("T0MSG00002", ""), "shared", ALL);
    const image = decodeImage(renderDigestChart(digest));
    expect([image.width, image.height]).toEqual([1200, 520]);
  });

  it("keeps the scorecard, personal digests, usage and settings views within limits", async () => {
    const { scorecard } = await funnel.scorecard("T0MSG00003", "");
    expect(blockKitProblems(scorecardMessage(scorecard, "x".repeat(500)), "message")).toEqual([]);
    expect(blockKitProblems(usageMessage("y".repeat(5000)), "message")).toEqual([]);
    const campaign = await digests.digest(await funnel.query("T0MSG00001", "campaign Spring webinar last week"), "marketing", null);
    expect(blockKitProblems(personalDigestMessage({ kind: "campaign", userId: "U1", digest: campaign }), "message")).toEqual([]);
    const schedule = {
      id: "s".repeat(25),
      channelId: "C0123456789",
      period: "weekly" as const,
      cron: "0 9 * * 1",
      timezone: "America/Argentina/ComodRivadavia",
      timing: { period: "weekly" as const, time: "09:00", weekday: 1 },
      view: "sales" as const,
      chosenSections: ["action", "chart"],
      sections: ["action" as const, "chart" as const],
      skipEmpty: true,
      enabled: true,
    };
    const list = digestsListView(Array.from({ length: 60 }, (_, i) => ({ ...schedule, id: `${schedule.id}${i}` })));
    expect(blockKitProblems(list, "modal")).toEqual([]);
    expect(list.blocks.length).toBeLessThanOrEqual(100);
    expect(blockKitProblems(digestsListView([]), "modal")).toEqual([]);
    const editor = scheduleEditorView(
      { ...schedule, timing: null, cron: "*/5 9-17 * * 1-5" },
      { timezone: ZONE },
      { scheduleId: schedule.id, listViewId: "V123" },
    );
    expect(blockKitProblems(editor, "modal")).toEqual([]);
  });

  it("ticks 'skip quiet periods' for a new schedule", () => {
    const skipOf = (view: { blocks: unknown[] }) =>
      (view.blocks as { block_id?: string; element?: { initial_options?: { value: string }[] } }[])
        .find((b) => b.block_id === "skipEmpty")
        ?.element?.initial_options?.map((o) => o.value) ?? [];
    expect(skipOf(scheduleEditorView(null, { timezone: ZONE }, { scheduleId: null, listViewId: "V1" }))).toEqual(["skip"]);
  });
});

// Each digest fits in one screen on the hand-checked week: at most 15 blocks and about 1,200 characters of text
// (every text object counted), with its buttons and the chart inside.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OnDemandDigests } from "../../src/domain/digests/on-demand-digests.js";
import { FunnelService } from "../../src/domain/funnel/funnel-service.js";
import { DIGEST_BUDGET, digestMessage } from "../../src/slack/blocks/funnel.js";
import { LeadActions } from "../../src/slack/ids.js";
import { FunnelData } from "../funnel/fixtures.js";
import { buildKnownWeek, type KnownWeek, NOW, ZONE } from "../funnel/known-week.js";
import { blockKitProblems, buttonsIn, textLength, textsOf } from "../helpers/block-kit.js";
import { TestClock } from "../helpers/clock.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

const TEAM = "T0BUDGET01";
const CHART = { fileId: "F0CHART001", altText: "Funnel for Week of Nov 16, 2026" };

describe("a digest of the known week fits in one screen", () => {
  let database: OpenTestDatabase;
  let funnel: FunnelService;
  let digests: OnDemandDigests;
  let week: KnownWeek;

  beforeAll(async () => {
    database = await openTestDatabase();
    week = await buildKnownWeek(new FunnelData(database.prisma, TEAM, ZONE));
    funnel = new FunnelService({ db: database.prisma, provider: database.provider, clock: new TestClock(NOW) });
    digests = new OnDemandDigests({ db: database.prisma, provider: database.provider, clock: new TestClock(NOW), funnel });
  });
  afterAll(async () => {
    await database.dispose();
  });

  const messageOf = async (view: "sales" | "marketing" | "shared") =>
    digestMessage(await digests.digest(await funnel.query(TEAM, "last week"), view, null), { chart: CHART });

  for (const view of ["sales", "marketing", "shared"] as const) {
    it(`the ${view} view: within ${DIGEST_BUDGET.blocks} blocks and ${DIGEST_BUDGET.characters} characters, the chart inside`, async () => {
      const message = await messageOf(view);
      expect(blockKitProblems(message, "message")).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(DIGEST_BUDGET.blocks);
      expect(textLength(message.blocks)).toBeLessThanOrEqual(DIGEST_BUDGET.characters);
      expect(message.blocks).toContainEqual(expect.objectContaining({ type: "image", slack_file: { id: "F0CHART001" } }));
    });
  }

  it("sales: the headline with changes, then the waiting handoff with Open, in that order", async () => {
    const message = await messageOf("sales");
    const texts = textsOf(message.blocks);
    expect(texts).toContain("*New leads*: 6\n+3 vs last week");
    expect(texts).toContain("*Won (2)*: $15,000\n+$15,000 vs last week");
    expect(texts).toContain(":rotating_light: *Needs action*: 3 missed deadlines · 1 handoff waiting (1 overdue)");
    expect(texts.some((t) => t.startsWith("*Unnamed lead* · with <@U0REP00001> · overdue by "))).toBe(true);
    expect(texts.join("\n")).not.toContain("Nurture");
    expect(buttonsIn(message.blocks)).toEqual([`${LeadActions.open}=${week.leads.L4}`, "digest_how_we_count=sales"]);
  });

  it("marketing: its own problems (MQLs short, leads back in Nurture with Re-qualify and Open), not sales'", async () => {
    const message = await messageOf("marketing");
    const texts = textsOf(message.blocks).join("\n");
    expect(texts).toContain(":rotating_light: *Needs action*: 7 MQLs short (8 of 15 due by now) · 1 lead back in Nurture");
    expect(texts).not.toContain("handoff waiting");
    expect(buttonsIn(message.blocks)).toEqual([
      `${LeadActions.handOff}=${week.leads.L3}`,
      `${LeadActions.open}=${week.leads.L3}`,
      "digest_how_we_count=marketing",
    ]);
    expect(texts).toContain("1. *Spring webinar*: 4 leads · 3 SQLs · 1 won · $10,000 · $500/lead · 5× spend");
  });
});

// The Accept path's raw statements (the handoff read, the conditional decision, the once-per-interaction claim and,
// on PostgreSQL, the stage change) return and store exactly what Prisma's model queries did: dates, integers, JSON,
// booleans and nulls alike, on the database this project runs on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findHandoffToDecide, recordHandoffDecision } from "../../src/db/handoffs.js";
import { changeStage, StageChangedMeanwhile } from "../../src/db/leads.js";
import { claimOnceMarker } from "../../src/db/once.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

const TEAM = "T0RAWROW01";
const OTHER_TEAM = "T0RAWROW02";
const at = (iso: string) => new Date(iso);

describe("the raw statements of a decision", () => {
  let database: OpenTestDatabase;
  const db = () => database.prisma;
  beforeAll(async () => {
    database = await openTestDatabase();
    await db().workspace.create({ data: { teamId: TEAM, salesUserGroupId: "S0SALES", salesUserIds: ["U0REP1", "U0REP2"] } });
    await db().workspace.create({ data: { teamId: OTHER_TEAM } });
    await db().campaign.create({
      data: {
        id: "camp-raw",
        teamId: TEAM,
        name: "Raw Expo",
        nameKey: "raw expo",
        channel: "events",
        createdById: "U0MKT",
        budgetCents: 125_000,
      },
    });
  });
  afterAll(() => database.dispose());

  async function pendingHandoff(id: string, lead: Record<string, unknown> = {}) {
    await db().lead.create({
      data: {
        id: `lead-${id}`,
        teamId: TEAM,
        createdById: "U0MKT",
        name: "Ada Row",
        email: "ada@row.example",
        campaignId: "camp-raw",
        fitGrade: "B",
        stage: "mql",
        dealValueCents: 4_200,
        messageRefs: [{ channelId: "C0ANN", ts: "1700000000.000100" }],
        mqlAt: at("2026-12-01T09:30:15.123Z"),
        createdAt: at("2026-11-30T08:00:00.000Z"),
        ...lead,
      },
    });
    return db().handoff.create({
      data: {
        id,
        teamId: TEAM,
        leadId: `lead-${id}`,
        handedOffById: "U0MKT",
        handedOffAt: at("2026-12-01T09:30:15.123Z"),
        channelId: "C0SALES",
        messageTs: "1700000000.000200",
        openKey: `${TEAM}:lead-${id}`,
        slaDueAt: at("2026-12-01T13:30:15.123Z"),
        noticeRefs: [{ channelId: "C0SALES", ts: "1700000000.000300" }],
        dmRefs: "D0REP 1700000000.000400\n",
      },
    });
  }

  it("reads the handoff, its lead, the campaign and the sales team as Prisma's include does", async () => {
    await pendingHandoff("h-raw-read");
    const viaPrisma = await db().handoff.findFirst({
      where: { id: "h-raw-read", teamId: TEAM },
      include: {
        lead: { include: { campaign: { select: { teamId: true, name: true } } } },
        workspace: { select: { salesUserGroupId: true, salesUserIds: true } },
      },
    });
    const raw = await findHandoffToDecide(db(), TEAM, "h-raw-read");
    expect(raw).toEqual(viaPrisma);
    expect(raw?.lead.mqlAt).toEqual(at("2026-12-01T09:30:15.123Z"));
    expect(raw?.lead.campaign).toEqual({ teamId: TEAM, name: "Raw Expo" });
    expect(raw?.workspace.salesUserIds).toEqual(["U0REP1", "U0REP2"]);
    expect(await findHandoffToDecide(db(), OTHER_TEAM, "h-raw-read")).toBeNull();
  });

  it("reads a lead without a campaign, grade or dates as nulls", async () => {
    await pendingHandoff("h-raw-bare", { campaignId: null, fitGrade: null, dealValueCents: null, messageRefs: undefined, mqlAt: null });
    const raw = await findHandoffToDecide(db(), TEAM, "h-raw-bare");
    expect(raw?.lead).toMatchObject({
      campaign: null,
      campaignId: null,
      fitGrade: null,
      dealValueCents: null,
      messageRefs: null,
      mqlAt: null,
    });
  });

  it("decides once, returning the row as stored, and records a late answer's breach", async () => {
    const handoff = await pendingHandoff("h-raw-decide");
    const decidedAt = at("2026-12-01T14:00:00.000Z");
    const decided = await db().$transaction((tx) =>
      recordHandoffDecision(tx, handoff, {
        status: "rejected",
        decidedById: "U0REP1",
        decidedAt,
        rejectReason: "no_budget",
        rejectNote: null,
      }),
    );
    const stored = await db().handoff.findUniqueOrThrow({ where: { id: "h-raw-decide" } });
    expect(decided).toEqual(stored);
    expect(stored).toMatchObject({
      status: "rejected",
      decidedById: "U0REP1",
      decidedAt,
      updatedAt: decidedAt,
      openKey: null,
      rejectReason: "no_budget",
      rejectNote: null,
      breachedAt: handoff.slaDueAt,
      noticeRefs: handoff.noticeRefs,
    });
    const again = await db().$transaction((tx) =>
      recordHandoffDecision(tx, handoff, { status: "accepted", decidedById: "U0REP2", decidedAt }),
    );
    expect(again).toBeNull();
    expect(await db().handoff.findUniqueOrThrow({ where: { id: "h-raw-decide" } })).toEqual(stored);
  });

  it("claims a key once, storing who and when", async () => {
    const when = at("2026-12-01T10:00:00.500Z");
    expect(await claimOnceMarker(db(), "raw:claim", TEAM, when)).toBe(true);
    expect(await claimOnceMarker(db(), "raw:claim", TEAM, at("2026-12-01T10:00:01.000Z"))).toBe(false);
    expect(await claimOnceMarker(db(), "raw:no-team", null, when)).toBe(true);
    expect(await db().onceMarker.findMany({ where: { key: { startsWith: "raw:" } }, orderBy: { key: "asc" } })).toEqual([
      { key: "raw:claim", teamId: TEAM, createdAt: when },
      { key: "raw:no-team", teamId: null, createdAt: when },
    ]);
  });

  it("moves the stage with its event, attributed as the lead was read, and refuses a lead changed meanwhile", async () => {
    await pendingHandoff("h-raw-move");
    const lead = await db().lead.findUniqueOrThrow({ where: { id: "lead-h-raw-move" } });
    const when = at("2026-12-01T11:00:00.250Z");
    const event = { actorId: "U0REP1", type: "stage_changed", reason: null, at: when };
    const moved = await db().$transaction((tx) =>
      changeStage(tx, lead, { to: "sql", data: { sqlAt: when, ownerId: "U0REP1" }, event }, database.provider),
    );
    expect(moved).toEqual(await db().lead.findUniqueOrThrow({ where: { id: lead.id } }));
    expect(moved).toMatchObject({ stage: "sql", sqlAt: when, ownerId: "U0REP1", updatedAt: when, dealValueCents: 4_200 });
    const events = await db().leadEvent.findMany({ where: { leadId: lead.id } });
    expect(events).toEqual([
      {
        id: expect.any(String),
        teamId: TEAM,
        leadId: lead.id,
        actorId: "U0REP1",
        type: "stage_changed",
        fromStage: "mql",
        toStage: "sql",
        reason: null,
        valueCents: null,
        currency: null,
        campaignId: "camp-raw",
        fitGrade: "B",
        at: when,
      },
    ]);
    // Read as MQL, but it is SQL now: nothing is written.
    await expect(
      db().$transaction((tx) => changeStage(tx, lead, { to: "nurture", data: { nurtureAt: when }, event }, database.provider)),
    ).rejects.toBeInstanceOf(StageChangedMeanwhile);
    expect(await db().leadEvent.count({ where: { leadId: lead.id } })).toBe(1);
  });
});

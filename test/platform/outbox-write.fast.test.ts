// The outbox's write, on the real database: a decision's effects in one statement, a card update re-armed beside a
// thread reply that is not, each row returned as Prisma itself reads it, and whether the write holds it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbCallCounter } from "../../src/db/call-counter.js";
import { openDatabase } from "../../src/db/client.js";
import { enqueueEffects, type NewEffect, settleEffect } from "../../src/db/outbox.js";
import { databaseTarget } from "../../src/db/target.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

const TEAM = "T0OUTWRITE";
const card = { teamId: TEAM, kind: "handoff_card_update", subjectId: "h2", channelId: "C0SALES001", rearm: true };
const reply = { teamId: TEAM, kind: "handoff_accepted", subjectId: "h2", channelId: "C0SALES001" };

describe("writing a decision's effects", () => {
  let database: OpenTestDatabase;
  const calls = new DbCallCounter();
  let counted: Awaited<ReturnType<typeof openDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    counted = await openDatabase(databaseTarget(database.url), { countCalls: calls });
  });
  afterAll(async () => {
    await counted.close();
    await database.dispose();
  });

  const write = (effects: NewEffect[], at: Date, claimedUntil?: Date) => {
    calls.reset();
    return counted.prisma.$transaction((tx) => enqueueEffects(tx, effects, at, claimedUntil ? { claimedUntil } : {}));
  };
  const stored = (e: NewEffect) =>
    database.prisma.outboxEffect.findUniqueOrThrow({
      where: { teamId_kind_subjectId_channelId: { teamId: e.teamId, kind: e.kind, subjectId: e.subjectId, channelId: e.channelId } },
    });

  it("inserts new rows claimed, in one statement, each returned exactly as Prisma reads it", async () => {
    const at = new Date("2026-12-07T10:00:00.123Z");
    const lease = new Date("2026-12-07T10:01:00.456Z");
    const written = await write(
      [
        { ...card, subjectId: "h1" },
        { ...reply, subjectId: "h1" },
      ],
      at,
      lease,
    );
    expect(calls.calls).toEqual(["$queryRaw"]);
    expect(written.map((w) => w.effect.kind)).toEqual(["handoff_card_update", "handoff_accepted"]);
    expect(written.map((w) => w.claimed)).toEqual([true, true]);
    for (const w of written) expect(w.effect).toStrictEqual(await stored(w.effect));
    expect(written[1]?.effect).toMatchObject({
      status: "pending",
      attempts: 1,
      dueAt: at,
      createdAt: at,
      claimedUntil: lease,
      settledAt: null,
      lastError: null,
      messageTs: null,
    });
  });

  it("re-arms a settled card update beside a reply written again, which it leaves as it is and does not hold", async () => {
    const first = new Date("2026-12-07T11:00:00.000Z");
    const [cardRow, replyRow] = await write([card, reply], first, new Date("2026-12-07T11:01:00.000Z"));
    const lease = cardRow?.effect.claimedUntil ?? first;
    expect(await settleEffect(database.prisma, cardRow?.effect.id ?? "", lease, { status: "delivered", messageTs: "1.1" }, first)).toBe(
      true,
    );
    expect(await settleEffect(database.prisma, replyRow?.effect.id ?? "", lease, { status: "delivered", messageTs: "1.2" }, first)).toBe(
      true,
    );

    const again = new Date("2026-12-07T12:00:00.000Z");
    const until = new Date("2026-12-07T12:01:00.000Z");
    const written = await write([reply, card], again, until);
    // The reply's row was there and is not re-armed: the statement leaves it out, so it is read (a repeated write).
    expect(calls.calls).toEqual(["$queryRaw", "OutboxEffect.findMany"]);
    const [replyAgain, cardAgain] = written;
    expect(replyAgain).toEqual({ effect: await stored(reply), claimed: false });
    expect(replyAgain?.effect).toMatchObject({ id: replyRow?.effect.id, status: "delivered", messageTs: "1.2", attempts: 1 });
    expect(cardAgain?.claimed).toBe(true);
    expect(cardAgain?.effect).toStrictEqual(await stored(card));
    expect(cardAgain?.effect).toMatchObject({
      id: cardRow?.effect.id,
      status: "pending",
      attempts: 1,
      dueAt: again,
      claimedUntil: until,
      settledAt: null,
      createdAt: first,
    });
  });

  it("writes an effect named twice once, and one written unclaimed has no attempt counted", async () => {
    const at = new Date("2026-12-07T13:00:00.000Z");
    const announce = { teamId: TEAM, kind: "campaign_launched", subjectId: "c1", channelId: "C0SALES001" };
    const written = await write([announce, announce], at);
    expect(calls.calls).toEqual(["$queryRaw"]);
    expect(written[0]).toEqual(written[1]);
    expect(written[0]).toEqual({ effect: await stored(announce), claimed: false });
    expect(written[0]?.effect).toMatchObject({ attempts: 0, claimedUntil: null, status: "pending" });
    expect(await database.prisma.outboxEffect.count({ where: { teamId: TEAM, kind: "campaign_launched" } })).toBe(1);
  });

  it("makes no call for no effects", async () => {
    expect(await write([], new Date())).toEqual([]);
    expect(calls.calls).toEqual([]);
  });
});

// Three Baton processes on one PostgreSQL database, each with its own sweeper, and a burst of 1,000 outbox effects
// committed at once; one process is SIGKILLed mid-way. Every effect ends up in Slack exactly once.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { EffectKinds, enqueueAnnouncements } from "../../src/domain/outbox/effects.js";
import { type BatonProcess, PROCESS_TEAM, postsPerEffect, startBatonProcess } from "../helpers/baton-process.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { SlackStandIn } from "../helpers/slack-stand-in.js";
import { HANG_BOUND_MS, waitUntil } from "../helpers/waits.js";

const CAMPAIGNS = 50;
const CHANNELS = Array.from({ length: 20 }, (_, i) => `C0BURST${String(i).padStart(4, "0")}`);
const EFFECTS = CAMPAIGNS * CHANNELS.length;
/** Longer than one delivery takes on a busy machine, so a live replica's claim is never taken over. */
const ENV = { OUTBOX_LEASE_MS: "5000", OUTBOX_SWEEP_SECONDS: "1" };

describe.skipIf(inject("databaseTemplate").provider !== "postgresql")("three replicas sweeping a 1,000-effect burst", () => {
  let slack: SlackStandIn;
  let database: OpenTestDatabase;
  let replicas: BatonProcess[] = [];

  beforeAll(async () => {
    slack = await SlackStandIn.start();
    database = await openTestDatabase();
    replicas = await Promise.all([0, 1, 2].map(() => startBatonProcess(slack, database.url, ENV)));
    await replicas[0]?.requests.command("/baton", "help", { teamId: PROCESS_TEAM, userId: "U0BURSTMK1" });
  }, 4 * HANG_BOUND_MS);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    await slack?.stop();
    await database?.dispose();
  });

  it("delivers every effect exactly once with one replica killed mid-way", { timeout: 4 * HANG_BOUND_MS }, async () => {
    const db = database.prisma;
    const at = new Date();
    // One transaction: the burst becomes due all at once, as campaigns announced in twenty channels each.
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < CAMPAIGNS; i++) {
          const campaign = await tx.campaign.create({
            data: { teamId: PROCESS_TEAM, name: `Burst ${i}`, nameKey: `burst ${i}`, channel: "webinar", createdById: "U0BURSTMK1" },
          });
          await enqueueAnnouncements(
            tx,
            { teamId: PROCESS_TEAM, kind: EffectKinds.campaignLaunched, subjectId: campaign.id, channels: CHANNELS },
            at,
          );
        }
      },
      { timeout: HANG_BOUND_MS },
    );
    const burst = (await db.outboxEffect.findMany({ where: { channelId: { in: CHANNELS } }, select: { id: true } })).map((e) => e.id);
    expect(burst).toHaveLength(EFFECTS);
    const deliveredCount = () => db.outboxEffect.count({ where: { id: { in: burst }, status: "delivered" } });

    await waitUntil(async () => (await deliveredCount()) >= EFFECTS / 4, "a quarter of the burst delivered");
    const [killed, ...survivors] = replicas;
    killed?.kill();
    await killed?.exited;
    replicas = survivors;
    expect(await deliveredCount()).toBeLessThan(EFFECTS);

    await waitUntil(async () => (await deliveredCount()) === EFFECTS, "the survivors delivering the rest", 2 * HANG_BOUND_MS);
    const posts = postsPerEffect(slack);
    const twice = burst.filter((id) => (posts.get(id) ?? 0) !== 1);
    expect(twice).toEqual([]);
    expect(burst.reduce((sum, id) => sum + (posts.get(id) ?? 0), 0)).toBe(EFFECTS);
  });
});

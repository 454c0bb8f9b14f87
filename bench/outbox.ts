// What the outbox costs in the normal case, in-process on a real database and the Slack stub: a decision (a
// campaign) committed with its announcement in the outbox and then delivered, against the same decision committed
// and the same post made directly, timed from the start of the decision until the post leaves for Slack (what the
// person waits for) and until all is done; and how many waiting effects one sweeper delivers per second.
import { openDatabase } from "../src/db/client.js";
import { databaseTarget } from "../src/db/target.js";
import { EffectKinds, enqueueAnnouncements } from "../src/domain/outbox/effects.js";
import { effectHandlers, effectRecorders } from "../src/domain/outbox/handlers.js";
import { Outbox } from "../src/domain/outbox/outbox.js";
import { systemClock } from "../src/lib/clock.js";
import { createLogger } from "../src/lib/logger.js";
import { SingleTokenClients } from "../src/slack/clients.js";
import { SlackEffectLedger } from "../src/slack/effects.js";
import { SlackNewLeadAnnouncer } from "../src/slack/notifiers/new-leads.js";
import { SlackPlaybookAnnouncer } from "../src/slack/notifiers/playbook.js";
import { benchDatabase } from "./digest.js";
import { startSlackStub } from "./lib/slack-stub.js";
import { percentile } from "./lib/stats.js";

export interface OutboxFigures {
  provider: "sqlite" | "postgresql";
  decisions: number;
  directP50: number;
  directP99: number;
  outboxP50: number;
  outboxP99: number;
  /** p50 and p99 of the outbox path minus the same of the direct path, ms, until the post leaves for Slack. */
  addedP50: number;
  addedP99: number;
  /** The same, until each path has finished (the outbox also records the post as delivered). */
  addedDoneP50: number;
  addedDoneP99: number;
  swept: number;
  sweptPerSecond: number;
}

const TEAM = "TBENCHOUTB";
const CHANNEL = "C0BENCHOUT1";
const SWEEP_CHANNELS = Array.from({ length: 20 }, (_, i) => `C0BENCHSW${String(i).padStart(2, "0")}`);

export async function measureOutbox(
  provider: "sqlite" | "postgresql",
  postgresUrl: string,
  decisions: number,
  swept: number,
): Promise<OutboxFigures> {
  const stub = await startSlackStub();
  const bench = await benchDatabase(provider, "outbox", postgresUrl);
  const database = await openDatabase(databaseTarget(bench.url));
  const db = database.prisma;
  try {
    const logger = createLogger({ level: "silent", pretty: false });
    const clients = new SingleTokenClients("xoxb-bench", { slackApiUrl: stub.url });
    const slackAnnouncer = new SlackPlaybookAnnouncer(clients, logger);
    // Notes when the post leaves for Slack: what the person waits for (recording it afterwards is not seen).
    let postedAt = 0;
    const announcer = {
      campaignLaunched: (...args: Parameters<SlackPlaybookAnnouncer["campaignLaunched"]>) => {
        postedAt = performance.now();
        return slackAnnouncer.campaignLaunched(...args);
      },
      playbookChanged: slackAnnouncer.playbookChanged.bind(slackAnnouncer),
    };
    const outbox = new Outbox({
      db,
      clock: systemClock,
      logger,
      ledger: new SlackEffectLedger(clients, logger),
      handlers: effectHandlers({ db, now: () => new Date(), announcer, leadAnnouncer: new SlackNewLeadAnnouncer(clients) }),
      recorders: effectRecorders({ db }),
    });
    await db.workspace.create({ data: { teamId: TEAM, salesChannelId: CHANNEL } });
    let n = 0;
    const decide = (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => {
      n += 1;
      return tx.campaign.create({
        data: { teamId: TEAM, name: `Bench ${n}`, nameKey: `bench ${n}`, channel: "webinar", createdById: "U0BENCH" },
      });
    };
    const direct = async () => {
      const campaign = await db.$transaction((tx) => decide(tx));
      await announcer.campaignLaunched(TEAM, CHANNEL, announcementOf(campaign));
    };
    // As a decision delivers its effects: written claimed, delivered from the rows the transaction returned, the
    // message drawn from the decision's own row (no read after the commit), settled after the post.
    const throughOutbox = async () => {
      const at = new Date();
      const lease = outbox.leaseFrom(at);
      const { row, written } = await db.$transaction(async (tx) => {
        const row = await decide(tx);
        const announcement = { teamId: TEAM, kind: EffectKinds.campaignLaunched, subjectId: row.id, channels: [CHANNEL] };
        return { row, written: await enqueueAnnouncements(tx, announcement, at, { claimedUntil: lease }) };
      });
      await outbox.deliverWritten(written, { campaign: { row: { ...row, segment: null }, timezone: "UTC" } });
      await outbox.settled(); // "until recorded"
    };
    // Warm the paths (connections, prepared statements, the JIT), then interleave them so both see the same machine.
    for (let i = 0; i < 50; i++) {
      await direct();
      await throughOutbox();
    }
    const directMs: number[] = [];
    const outboxMs: number[] = [];
    const directDoneMs: number[] = [];
    const outboxDoneMs: number[] = [];
    for (let i = 0; i < decisions; i++) {
      for (const [work, posted, done] of [
        [direct, directMs, directDoneMs],
        [throughOutbox, outboxMs, outboxDoneMs],
      ] as const) {
        const started = performance.now();
        await work();
        done.push(performance.now() - started);
        posted.push(postedAt - started);
      }
    }

    // The sweeper: `swept` effects waiting at once (one transaction), delivered by one process's sweeps.
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < swept / SWEEP_CHANNELS.length; i++) {
          const row = await decide(tx);
          await enqueueAnnouncements(
            tx,
            { teamId: TEAM, kind: EffectKinds.campaignLaunched, subjectId: row.id, channels: SWEEP_CHANNELS },
            new Date(),
          );
        }
      },
      { timeout: 120_000 },
    );
    const started = performance.now();
    let delivered = 0;
    for (let got = -1; got !== 0; ) {
      got = await outbox.deliverDue();
      delivered += got;
    }
    const seconds = (performance.now() - started) / 1000;

    const directP50 = percentile(directMs, 50);
    const directP99 = percentile(directMs, 99);
    const outboxP50 = percentile(outboxMs, 50);
    const outboxP99 = percentile(outboxMs, 99);
    return {
      provider,
      decisions,
      directP50,
      directP99,
      outboxP50,
      outboxP99,
      addedP50: outboxP50 - directP50,
      addedP99: outboxP99 - directP99,
      addedDoneP50: percentile(outboxDoneMs, 50) - percentile(directDoneMs, 50),
      addedDoneP99: percentile(outboxDoneMs, 99) - percentile(directDoneMs, 99),
      swept: delivered,
      sweptPerSecond: delivered / seconds,
    };
  } finally {
    await database.close();
    await bench.drop();
    await stub.stop();
  }
}

function announcementOf(c: { name: string; channel: string; createdById: string }) {
  return {
    name: c.name,
    channel: c.channel,
    product: null,
    offer: null,
    place: null,
    promotion: null,
    keyMessage: null,
    segmentName: null,
    startsOn: null,
    endsOn: null,
    ownerId: null,
    createdById: c.createdById,
  };
}

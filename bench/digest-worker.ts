// Runs in its own process (so its peak memory is its own): builds one weekly digest with every section, one
// `/funnel quarter`, and the database's floor (one hand-written query for the same stage counts), several
// times each, and prints the medians as JSON.
import { openDatabase } from "../src/db/client.js";
import { databaseTarget } from "../src/db/target.js";
import { funnelContext } from "../src/domain/funnel/context.js";
import { DIGEST_SECTIONS, digestFor } from "../src/domain/funnel/digest.js";
import { FunnelService } from "../src/domain/funnel/funnel-service.js";
import { lastCompletePeriod } from "../src/domain/funnel/periods.js";
import { median } from "./lib/stats.js";

const [url = "", teamId = "", runsText = "5", nowText = ""] = process.argv.slice(2);
const runs = Number(runsText);
const now = new Date(nowText);
const target = databaseTarget(url);
const database = await openDatabase(target);
const deps = { db: database.prisma, provider: database.provider, clock: { now: () => now } };
const context = await funnelContext(deps, teamId);
const week = lastCompletePeriod("week", now, context.zone);
const funnel = new FunnelService(deps);

async function timed(work: () => Promise<unknown>): Promise<number[]> {
  await work(); // warm-up: connection, statement caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

const floorSql =
  database.provider === "postgresql"
    ? `SELECT "toStage", COUNT(DISTINCT "leadId") AS n FROM "LeadEvent" WHERE "teamId" = $1 AND "type" IN ('created', 'stage_changed') AND "at" >= $2 AND "at" < $3 GROUP BY "toStage"`
    : `SELECT "toStage", COUNT(DISTINCT "leadId") AS n FROM "LeadEvent" WHERE "teamId" = ? AND "type" IN ('created', 'stage_changed') AND "at" >= ? AND "at" < ? GROUP BY "toStage"`;

const digestMs = await timed(() => digestFor(deps, context, { period: week, view: "shared", sections: DIGEST_SECTIONS }));
const quarterMs = await timed(() => funnel.onDemand(teamId, "quarter"));
const floorMs = await timed(() => database.prisma.$queryRawUnsafe(floorSql, teamId, week.start, week.end));
const digest = await digestFor(deps, context, { period: week, view: "shared", sections: DIGEST_SECTIONS });
await database.close();
process.stdout.write(
  `${JSON.stringify({
    digestMs: median(digestMs),
    quarterMs: median(quarterMs),
    floorMs: median(floorMs),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    weekCounts: digest.report.counts,
  })}\n`,
);

// Runs in its own process (so its peak memory is its own): builds one weekly digest with every section, one
// `/funnel quarter`, and the database's floor for each (one hand-written query for the same period's stage
// counts), several times each, and prints the medians as JSON.
import { openDatabase } from "../src/db/client.js";
import { databaseTarget } from "../src/db/target.js";
import { composeDigest } from "../src/domain/digests/compose-digest.js";
import { DIGEST_SECTIONS } from "../src/domain/digests/digest.js";
import { OnDemandDigests } from "../src/domain/digests/on-demand-digests.js";
import { funnelContext } from "../src/domain/funnel/funnel-context.js";
import { FunnelService } from "../src/domain/funnel/funnel-service.js";
import { lastCompletePeriod, periodToDate } from "../src/domain/funnel/periods.js";
import { median } from "./lib/stats.js";

const [url = "", teamId = "", runsText = "5", nowText = ""] = process.argv.slice(2);
const runs = Number(runsText);
const now = new Date(nowText);
const target = databaseTarget(url);
const database = await openDatabase(target);
const deps = { db: database.prisma, provider: database.provider, clock: { now: () => now } };
const context = await funnelContext(deps, teamId);
const week = lastCompletePeriod("week", now, context.zone);
const quarter = periodToDate("quarter", now, context.zone);
const digests = new OnDemandDigests({ ...deps, funnel: new FunnelService(deps) });

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

/**
 * The floor: the least a hand-written query can do for one period's seven stage counts (leads that reached each
 * stage in it, each lead once): one index range per stage, each lead once, no table reads.
 */
const STAGES: [string, string][] = [
  ["created", "new"],
  ["stage_changed", "mql"],
  ["stage_changed", "sql"],
  ["stage_changed", "opportunity"],
  ["stage_changed", "won"],
  ["stage_changed", "lost"],
  ["stage_changed", "nurture"],
];
// SQLite's planner may otherwise group by leadId through (teamId, leadId, at) and read the whole table.
const table = database.provider === "sqlite" ? `"LeadEvent" INDEXED BY "LeadEvent_funnel_idx"` : `"LeadEvent"`;
const p = (n: number) => (database.provider === "postgresql" ? `$${n}` : "?");
const floorSql = STAGES.map(
  ([type, stage]) =>
    `SELECT '${stage}' AS stage, COUNT(*) AS n FROM (SELECT "leadId" FROM ${table} WHERE "teamId" = ${p(1)} AND "type" = '${type}'
      AND "toStage" = '${stage}' AND "at" >= ${p(2)} AND "at" < ${p(3)} GROUP BY "leadId") d`,
).join(" UNION ALL ");
// Positional parameters repeat per part on SQLite; PostgreSQL reuses $1..$3.
const floorArgs = (from: Date, to: Date) =>
  database.provider === "postgresql" ? [teamId, from, to] : STAGES.flatMap(() => [teamId, from, to]);
const floor = (from: Date, to: Date) => database.prisma.$queryRawUnsafe(floorSql, ...floorArgs(from, to));

const digestMs = await timed(() => composeDigest(deps, context, { period: week, view: "shared", sections: DIGEST_SECTIONS }));
const quarterMs = await timed(() => digests.onDemand(teamId, "quarter"));
const floorMs = await timed(() => floor(week.start, week.end));
const floorQuarterMs = await timed(() => floor(quarter.start, quarter.end));
const digest = await composeDigest(deps, context, { period: week, view: "shared", sections: DIGEST_SECTIONS });
await database.close();
process.stdout.write(
  `${JSON.stringify({
    digestMs: median(digestMs),
    quarterMs: median(quarterMs),
    floorMs: median(floorMs),
    floorQuarterMs: median(floorQuarterMs),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    weekCounts: digest.report.counts,
  })}\n`,
);

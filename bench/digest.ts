// Digest at scale: seeded workspaces of 10k, 100k (and, with --million, 1M) leads over 1,000 campaigns and two
// years; one weekly digest (every section), one `/funnel quarter`, and the database's floor, on each database.
// The floor is one hand-written query for the seven stage counts of the same period (the week, the quarter so
// far); the ratios compare like with like. A digest also counts the seven weeks before for its chart, the
// previous period, the month's MQLs, per campaign and per fit grade, and the handoffs: several times the floor's
// rows, so a ratio near 1 is not expected.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../src/db/migrate.js";
import { databaseTarget } from "../src/db/target.js";
import { runJsonChild } from "./lib/processes.js";
import { seedWorkspace } from "./lib/seed.js";

export interface DigestFigures {
  provider: string;
  leads: number;
  /** Rows the seed wrote: LeadEvents and Handoffs (besides the leads). */
  events: number;
  handoffs: number;
  seedSeconds: number;
  /** Medians over `runs`, after one warm-up run. */
  digestMs: number;
  quarterMs: number;
  /** The floor for the digest's week and for the quarter so far. */
  floorMs: number;
  floorQuarterMs: number;
  /** digestMs / floorMs and quarterMs / floorQuarterMs. */
  digestVsFloor: number;
  quarterVsFloor: number;
  /** Peak resident memory of the process that built them (the same for any number of leads, if all is well). */
  peakRssMb: number;
  /** The week's stage counts, to see that both databases agree on the same seed. */
  weekCounts: Record<string, unknown>;
}

export const BENCH_TEAM = "TBENCH0001";
export const BENCH_NOW = new Date("2026-11-23T12:00:00Z");

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, migrated database of the given provider. */
export async function benchDatabase(provider: "sqlite" | "postgresql", name: string, postgresUrl: string): Promise<BenchDatabase> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-"));
    const url = `file:${path.join(dir, `${name}.db`)}`;
    await applyMigrations(databaseTarget(url));
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  // Named per run, so two benches on one server (two worktrees) do not drop each other's database.
  const database = `baton_bench_${name}_${process.pid}`;
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${database}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  await applyMigrations(databaseTarget(url.toString()));
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

/**
 * Seeds a fresh database of `provider` with `leads` leads (1,000 campaigns over the two years before
 * BENCH_NOW), measures the digest, `/funnel quarter` and the floors `runs` times each, and drops the database.
 */
export async function measureDigest(
  provider: "sqlite" | "postgresql",
  leads: number,
  postgresUrl: string,
  runs: number,
): Promise<DigestFigures> {
  const database = await benchDatabase(provider, `digest_${leads}`, postgresUrl);
  try {
    const seeded = performance.now();
    const rows = await seedWorkspace(databaseTarget(database.url), { teamId: BENCH_TEAM, leads, campaigns: 1000, end: BENCH_NOW });
    const seedSeconds = (performance.now() - seeded) / 1000;
    const result = await runDigestWorker(database.url, runs);
    return {
      provider,
      leads,
      events: rows.events,
      handoffs: rows.handoffs,
      seedSeconds,
      ...result,
      digestVsFloor: result.digestMs / result.floorMs,
      quarterVsFloor: result.quarterMs / result.floorQuarterMs,
    };
  } finally {
    await database.drop();
  }
}

type WorkerFigures = Pick<DigestFigures, "digestMs" | "quarterMs" | "floorMs" | "floorQuarterMs" | "peakRssMb" | "weekCounts">;

/** Times the digest on an already seeded database (BENCH_TEAM at BENCH_NOW), in a process of its own. */
export function runDigestWorker(url: string, runs: number): Promise<WorkerFigures> {
  return runJsonChild<WorkerFigures>(["--import", "tsx", "bench/digest-worker.ts", url, BENCH_TEAM, String(runs), BENCH_NOW.toISOString()]);
}

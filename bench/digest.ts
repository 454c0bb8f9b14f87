// Digest at scale: seeded workspaces of 10k, 100k (and, with --million, 1M) leads over 1,000 campaigns and two
// years; one weekly digest (every section), one `/funnel quarter`, and the database's floor, on each database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../src/db/migrate.js";
import { databaseTarget } from "../src/db/target.js";
import { seedWorkspace } from "./lib/seed.js";

export interface DigestFigures {
  provider: string;
  leads: number;
  seedSeconds: number;
  digestMs: number;
  quarterMs: number;
  floorMs: number;
  peakRssMb: number;
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
  const database = `baton_bench_${name}`;
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${database}"`);
  const url = new URL(postgresUrl);
  url.pathname = `/${database}`;
  await applyMigrations(databaseTarget(url.toString()));
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

export async function measureDigest(
  provider: "sqlite" | "postgresql",
  leads: number,
  postgresUrl: string,
  runs: number,
): Promise<DigestFigures> {
  const database = await benchDatabase(provider, `digest_${leads}`, postgresUrl);
  try {
    const seeded = performance.now();
    await seedWorkspace(databaseTarget(database.url), { teamId: BENCH_TEAM, leads, campaigns: 1000, end: BENCH_NOW });
    const seedSeconds = (performance.now() - seeded) / 1000;
    const result = await runWorker(database.url, runs);
    return { provider, leads, seedSeconds, ...result };
  } finally {
    await database.drop();
  }
}

function runWorker(url: string, runs: number): Promise<Omit<DigestFigures, "provider" | "leads" | "seedSeconds">> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "bench/digest-worker.ts", url, BENCH_TEAM, String(runs), BENCH_NOW.toISOString()],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}")) : reject(new Error(`digest worker exited ${code}`)),
    );
  });
}

// Many workspaces, idle (`npm run bench -- --tenants 10,1000,10000`): N workspaces seeded with their two default
// digest schedules, Baton started as its own process (`node dist/main.js`), then measured while nothing is due:
// start-up to /healthz, resident memory, CPU time and database statements over a minute. Statements are counted
// below Prisma by a preloaded counter (bench/lib/count-queries.cjs). The first start also computes every
// schedule's due time (rows from before due times existed); it is reported apart, and the figures are taken on
// the restart after it. Main's figures, before due times, are from issue 14's table (SQLite, one process).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseTarget } from "../src/db/target.js";
import { benchDatabase } from "./digest.js";
import { freePort, startProcess } from "./lib/processes.js";
import { seedTenants } from "./lib/seed.js";

export interface TenantFigures {
  provider: "sqlite" | "postgresql";
  tenants: number;
  seedSeconds: number;
  /** First start: to /healthz, and until every schedule had its due time. */
  firstStartMs: number;
  dueTimesFilledMs: number;
  /** The restart after it: what every later start and idle minute costs. */
  startupMs: number;
  rssMb: number;
  idleCpuPercent: number;
  queriesPerMinute: number;
}

/** Main before due times (issue 14), SQLite, one process: start-up s, RSS MB, idle CPU %, queries a minute. */
export const MAIN_FIGURES: Record<number, { startupS: number; rssMb: number; cpu: number; queries: number }> = {
  10: { startupS: 2.0, rssMb: 191, cpu: 1.8, queries: 49 },
  1000: { startupS: 7.3, rssMb: 221, cpu: 7.3, queries: 2000 },
  10000: { startupS: 38.8, rssMb: 541, cpu: 44.7, queries: 9957 },
};

const TICKS_PER_SECOND = 100; // Linux's USER_HZ

/** CPU seconds the process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function rssMb(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Schedules still without a due time, read with the raw driver (not through Baton). */
async function withoutDueTime(url: string): Promise<number> {
  const target = databaseTarget(url);
  const sql = `SELECT COUNT(*) AS n FROM "DigestSchedule" WHERE "nextRunAt" IS NULL`;
  if (target.provider === "sqlite") {
    const db = new Database(target.file ?? "", { readonly: true });
    try {
      return Number((db.prepare(sql).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

export async function measureTenants(
  provider: "sqlite" | "postgresql",
  tenants: number,
  options: { postgresUrl: string; env: (databaseUrl: string) => Record<string, string>; idleSeconds: number },
): Promise<TenantFigures> {
  const database = await benchDatabase(provider, `tenants_${tenants}`, options.postgresUrl);
  const counter = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-queries-")), "count");
  try {
    const seeding = performance.now();
    await seedTenants(databaseTarget(database.url), tenants, new Date());
    const seedSeconds = (performance.now() - seeding) / 1000;
    const env = { ...options.env(database.url), BENCH_QUERY_COUNT_FILE: counter };
    const args = ["--require", "./bench/lib/count-queries.cjs", "dist/main.js"];
    const launched = performance.now();
    const first = await startProcess(process.execPath, args, env, await freePort(), "/healthz");
    while ((await withoutDueTime(database.url)) > 0) await sleep(100);
    const dueTimesFilledMs = performance.now() - launched;
    await first.stop();
    const app = await startProcess(process.execPath, args, env, await freePort(), "/healthz");
    try {
      await sleep(5_000); // the start-up tick and anything else start-up does
      const queries = () => Number(fs.readFileSync(counter, "utf8") || 0);
      const [q0, cpu0, t0] = [queries(), cpuSeconds(app.pid), performance.now()];
      await sleep(options.idleSeconds * 1000);
      const [q1, cpu1, t1] = [queries(), cpuSeconds(app.pid), performance.now()];
      const seconds = (t1 - t0) / 1000;
      return {
        provider,
        tenants,
        seedSeconds,
        firstStartMs: first.startupMs,
        dueTimesFilledMs,
        startupMs: app.startupMs,
        rssMb: rssMb(app.pid),
        idleCpuPercent: (100 * (cpu1 - cpu0)) / seconds,
        queriesPerMinute: ((q1 - q0) * 60) / seconds,
      };
    } finally {
      await app.stop();
    }
  } finally {
    await database.drop();
    fs.rmSync(path.dirname(counter), { recursive: true, force: true });
  }
}

export function tenantsTable(figures: TenantFigures[]): string {
  const db = (p: string) => (p === "sqlite" ? "SQLite" : "PostgreSQL");
  const rows = figures.map((f) => {
    const main = f.provider === "sqlite" ? MAIN_FIGURES[f.tenants] : undefined;
    const beside = (now: string, before: string | undefined) => (before ? `${now} (main ${before})` : now);
    return [
      f.tenants.toLocaleString("en"),
      db(f.provider),
      beside(`${(f.startupMs / 1000).toFixed(1)} s`, main && `${main.startupS} s`),
      `${(f.firstStartMs / 1000).toFixed(1)} s / ${(f.dueTimesFilledMs / 1000).toFixed(1)} s`,
      beside(`${Math.round(f.rssMb)} MB`, main && `${main.rssMb} MB`),
      beside(`${f.idleCpuPercent.toFixed(1)}%`, main && `${main.cpu}%`),
      beside(Math.round(f.queriesPerMinute).toLocaleString("en"), main?.queries.toLocaleString("en")),
    ];
  });
  const header = [
    "Workspaces",
    "Database",
    "Start-up to /healthz",
    "First start: /healthz / all due times set",
    "RSS",
    "Idle CPU (of one core)",
    "Queries a minute, idle",
  ];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

// Many workspaces, idle (`npm run bench -- --tenants 10,1000,10000`): N workspaces seeded with their two default
// digest schedules, Baton started as its own process (`node dist/main.js`), then measured while nothing is due:
// start-up to /healthz, resident memory, CPU time and database statements over a minute. Statements are counted
// below Prisma by a preloaded counter (bench/lib/count-queries.cjs). The first start also computes every
// schedule's due time (rows from before due times existed); it is reported apart, and the figures are taken on
// the restart after it. Main's figures, before due times, are from issue 14's table (SQLite, one process).
// With `--burst`, every schedule is then moved to the same minute (a daily digest at the next whole minute but
// one) and `replicas` Baton processes post them: the time from that minute to the last digest finished, and how
// many failed.
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
  burst?: BurstFigures;
}

export interface BurstFigures {
  replicas: number;
  digests: number;
  /** From the scheduled minute to the last run finished (null: not all within the bound). */
  lastDoneSeconds: number | null;
  done: number;
  failed: number;
  /** Messages Slack (the stand-in) was asked to post, recorded as posted. */
  posted: number;
  /** CPU time of every replica from the scheduled minute to the last run, per digest done (compose, chart, post, claims). */
  cpuMsPerDigest: number | null;
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

/** One statement with the raw driver (not through Baton); `?` placeholders; resolves to the first row's `n`. */
async function rawCount(url: string, sql: string, params: (string | number)[] = []): Promise<number> {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") {
    const db = new Database(target.file ?? "");
    db.pragma("busy_timeout = 5000");
    try {
      const statement = db.prepare(sql);
      return statement.reader ? Number((statement.get(...params) as { n?: number } | undefined)?.n ?? 0) : statement.run(...params).changes;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let i = 0;
    const result = await client.query<{ n?: string }>(
      sql.replace(/\?/g, () => `$${++i}`),
      params,
    );
    return result.rows[0]?.n !== undefined ? Number(result.rows[0].n) : (result.rowCount ?? 0);
  } finally {
    await client.end();
  }
}

/** Schedules still without a due time. */
const withoutDueTime = (url: string) => rawCount(url, `SELECT COUNT(*) AS n FROM "DigestSchedule" WHERE "nextRunAt" IS NULL`);

// The text Prisma's SQLite adapter stores and compares DateTime columns as; PostgreSQL casts the same text.
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** Every schedule due in the same minute, `replicas` processes posting them (the first is `running`). */
async function measureBurst(
  url: string,
  start: () => Promise<{ pid: number; stop(): Promise<void> }>,
  replicas: number,
  digests: number,
  runningPid: number,
): Promise<BurstFigures> {
  const others = [];
  for (let i = 1; i < replicas; i++) others.push(await start());
  const pids = [runningPid, ...others.map((other) => other.pid)];
  const cpuOfAll = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  try {
    const slot = new Date((Math.floor(Date.now() / 60_000) + 2) * 60_000);
    await rawCount(url, `UPDATE "DigestSchedule" SET "cron" = ?, "period" = 'daily', "nextRunAt" = ?`, [
      `${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`,
      stored(slot),
    ]);
    const finished = `SELECT COUNT(*) AS n FROM "JobRun" WHERE "scheduledFor" = ? AND "status" IN ('done', 'skipped', 'failed')`;
    const deadline = slot.getTime() + 15 * 60_000;
    while (Date.now() < slot.getTime()) await sleep(100);
    const cpuAtSlot = cpuOfAll();
    let done = 0;
    while (Date.now() < deadline) {
      done = await rawCount(url, finished, [stored(slot)]);
      if (done >= digests) break;
      await sleep(500);
    }
    const lastDoneSeconds = done >= digests ? (Date.now() - slot.getTime()) / 1000 : null;
    const cpuMsPerDigest = done > 0 ? ((cpuOfAll() - cpuAtSlot) * 1000) / done : null;
    const failed = await rawCount(url, `SELECT COUNT(*) AS n FROM "JobRun" WHERE "scheduledFor" = ? AND "status" = 'failed'`, [
      stored(slot),
    ]);
    const posted = await rawCount(
      url,
      `SELECT COUNT(*) AS n FROM "Delivery" d JOIN "JobRun" r ON r."id" = d."runId" WHERE r."scheduledFor" = ? AND d."status" = 'posted' AND d."target" LIKE 'channel:%'`,
      [stored(slot)],
    );
    return { replicas, digests, lastDoneSeconds, done, failed, posted, cpuMsPerDigest };
  } finally {
    for (const other of others) await other.stop();
  }
}

export async function measureTenants(
  provider: "sqlite" | "postgresql",
  tenants: number,
  options: {
    postgresUrl: string;
    env: (databaseUrl: string) => Record<string, string>;
    idleSeconds: number;
    /** Replicas for the burst; none without. */
    burstReplicas?: number;
    /** Leads a day over the last week in each workspace (`--active N`), so digests have figures and a chart. */
    leadsPerDay?: number;
  },
): Promise<TenantFigures> {
  const database = await benchDatabase(provider, `tenants_${tenants}`, options.postgresUrl);
  const counter = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-queries-")), "count");
  try {
    const seeding = performance.now();
    await seedTenants(databaseTarget(database.url), tenants, new Date(), options.leadsPerDay ?? 0);
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
      const rss = rssMb(app.pid);
      const burst = options.burstReplicas
        ? await measureBurst(
            database.url,
            async () => startProcess(process.execPath, ["dist/main.js"], options.env(database.url), await freePort(), "/healthz"),
            options.burstReplicas,
            tenants * 2,
            app.pid,
          )
        : undefined;
      return {
        provider,
        tenants,
        seedSeconds,
        firstStartMs: first.startupMs,
        dueTimesFilledMs,
        startupMs: app.startupMs,
        rssMb: rss,
        idleCpuPercent: (100 * (cpu1 - cpu0)) / seconds,
        queriesPerMinute: ((q1 - q0) * 60) / seconds,
        ...(burst ? { burst } : {}),
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
  const bursts = figures.flatMap((f) => (f.burst ? [{ ...f.burst, provider: f.provider }] : []));
  const burstTable = [
    "",
    line(["Digests due in one minute", "Database", "Replicas", "Last one done after", "Done", "Failed", "Posted", "CPU per digest"]),
    line(["---", "---", "---", "---", "---", "---", "---", "---"]),
    ...bursts.map((b) =>
      line([
        b.digests.toLocaleString("en"),
        db(b.provider),
        String(b.replicas),
        b.lastDoneSeconds === null ? "not within 15 min" : `${Math.round(b.lastDoneSeconds)} s`,
        b.done.toLocaleString("en"),
        String(b.failed),
        b.posted.toLocaleString("en"),
        b.cpuMsPerDigest === null ? "—" : `${Math.round(b.cpuMsPerDigest)} ms`,
      ]),
    ),
  ];
  return [line(header), line(header.map(() => "---")), ...rows.map(line), ...(bursts.length > 0 ? burstTable : [])].join("\n");
}

// Imports a generated CSV of N leads (default 100,000) through the real import path into a fresh database and
// reports the time and the process's peak resident memory: `npx tsx bench/csv-import.ts [rows] [database-url]`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { openDatabase } from "../src/db/client.js";
import { applyMigrations } from "../src/db/migrate.js";
import { databaseTarget } from "../src/db/target.js";
import { importLeadsCsv } from "../src/domain/leads/import-leads-csv.js";
import { createMetrics } from "../src/lib/metrics.js";

const rows = Number(process.argv[2] ?? 100_000);
const url = process.argv[3] ?? `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-")), "bench.db")}`;

function* csvLines(): Generator<string> {
  yield "email,first name,last name,company,phone,title,industry,company size,region,notes\n";
  for (let i = 0; i < rows; i++) {
    const bad = i % 100 === 99;
    yield `${bad ? "broken" : `lead${i}@example${i % 997}.com`},Ada${i},Lovelace,Company ${i % 5000},+1 415 555 ${String(i % 10000).padStart(4, "0")},VP Sales,Software,51-200,EMEA,Met at booth ${i}\n`;
  }
}

async function main(): Promise<void> {
  const target = databaseTarget(url);
  await applyMigrations(target);
  const database = await openDatabase(target);
  await database.prisma.workspace.upsert({ where: { teamId: "TBENCH" }, create: { teamId: "TBENCH" }, update: {} });
  const started = process.hrtime.bigint();
  const result = await importLeadsCsv(
    {
      db: database.prisma,
      provider: database.provider,
      clock: { now: () => new Date() },
      metrics: createMetrics({ defaultMetrics: false }),
    },
    {
      teamId: "TBENCH",
      actorId: "UBENCH",
      csv: Readable.from(csvLines()),
      rejectedOut: new Writable({ write: (_chunk, _enc, done) => done() }),
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    JSON.stringify({
      rows,
      provider: target.provider,
      seconds: Number(seconds.toFixed(2)),
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      result,
    }),
  );
  await database.close();
}

void main();

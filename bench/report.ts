// The run's figures as markdown tables: what `npm run bench` prints and the README carries.

import { SCENARIO_LABELS } from "./requests.js";
import type { BenchResults } from "./run.js";

const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : Math.round(value).toString()) : "–");
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : "–");
const count = (value: number) => Math.round(value).toLocaleString("en");
const database = (provider: string) => ({ sqlite: "SQLite", postgresql: "PostgreSQL" })[provider] ?? "—";

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function requestTable(results: BenchResults): string {
  const rows = results.requests.map((r) => {
    const bare = results.requests.find((b) => b.provider === "none" && b.scenario === r.scenario);
    return [
      SCENARIO_LABELS[r.scenario],
      r.app,
      String(r.rate),
      database(r.provider),
      count(r.throughput),
      `${ms(r.ackP50)} / ${ms(r.ackP99)}`,
      `${ms(r.doneP50)} / ${ms(r.doneP99)}`,
      bare && r !== bare ? ratio(r.doneP50 / bare.doneP50) : "",
      bare && r !== bare ? ratio(r.doneP99 / bare.doneP99) : "",
      String(r.failed),
      ms(r.cpuMsPerDone),
    ];
  });
  const header = [
    "Request",
    "App",
    "Offered/s",
    "Database",
    "Done/s",
    "Ack p50 / p99 ms",
    "Done p50 / p99 ms",
    "p50 ÷ bare",
    "p99 ÷ bare",
    "Failed",
    "CPU ms per done",
  ];
  return table(header, rows);
}

function digestTable(results: BenchResults): string {
  const rows = results.digest.map((d) => [
    count(d.leads),
    database(d.provider),
    ms(d.digestMs),
    ms(d.floorMs),
    ratio(d.digestVsFloor),
    ms(d.quarterMs),
    ms(d.floorQuarterMs),
    ratio(d.quarterVsFloor),
    count(d.peakRssMb),
  ]);
  const header = [
    "Leads",
    "Database",
    "Weekly digest ms",
    "Floor ms",
    "÷ floor",
    "/funnel quarter ms",
    "Floor ms",
    "÷ floor",
    "Peak RSS MB",
  ];
  return table(header, rows);
}

function ingestTable(results: BenchResults): string {
  const rows = results.webhook.map((w) => {
    const csv = results.csvImport.find((c) => c.provider === w.provider);
    return [
      database(w.provider),
      count(w.leadsPerSecond),
      `${ms(w.p50)} / ${ms(w.p99)}`,
      String(w.failed),
      csv ? csv.seconds.toFixed(1) : "–",
      csv ? count(csv.rowsPerSecond) : "–",
      csv ? count(csv.peakRssMb) : "–",
    ];
  });
  return table(["Database", "Webhook leads/s", "Webhook p50 / p99 ms", "Failed", "CSV 100k rows s", "Rows/s", "Import peak RSS MB"], rows);
}

function startupTable(results: BenchResults): string {
  const rows = results.startup.map((s) => [database(s.provider), ms(s.nodeMs), ms(s.npmStartMs)]);
  return table(["Database", "node dist/main.js → /healthz ms", "npm start → /healthz ms"], rows);
}

function outboxTable(results: BenchResults): string {
  const rows = (results.outbox ?? []).map((o) => [
    database(o.provider),
    count(o.decisions),
    `${ms(o.directP50)} / ${ms(o.directP99)}`,
    `${ms(o.outboxP50)} / ${ms(o.outboxP99)}`,
    `${o.addedP50.toFixed(2)} / ${o.addedP99.toFixed(2)}`,
    `${o.addedDoneP50.toFixed(2)} / ${o.addedDoneP99.toFixed(2)}`,
    count(o.sweptPerSecond),
  ]);
  const header = [
    "Database",
    "Decisions",
    "Direct: post sent p50 / p99 ms",
    "Outbox: post sent p50 / p99 ms",
    "Added before the post p50 / p99 ms",
    "Added until recorded p50 / p99 ms",
    "Sweep effects/s",
  ];
  return table(header, rows);
}

export function printTables(results: BenchResults): string {
  const m = results.machine;
  const { load } = results.options;
  const sections = [
    `Measured ${results.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores, ${m.memoryGb} GB), ${m.os}, Node ${m.node}, ` +
      `SQLite ${m.sqlite ?? "?"}${m.postgres ? `, PostgreSQL ${m.postgres}` : ""}. ` +
      `Requests: ${load.runs} run(s) of ${load.seconds} s at the offered rate, medians.`,
    results.requests.length ? `**Request overhead**\n\n${requestTable(results)}` : "",
    results.digest.length ? `**Digest at scale**\n\n${digestTable(results)}` : "",
    results.webhook.length ? `**Ingest**\n\n${ingestTable(results)}` : "",
    results.startup.length ? `**Start-up** (existing database of 100,000 leads)\n\n${startupTable(results)}` : "",
    results.outbox?.length ? `**Outbox** (a campaign committed and announced, in-process)\n\n${outboxTable(results)}` : "",
  ];
  return `${sections.filter(Boolean).join("\n\n")}\n`;
}

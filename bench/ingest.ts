// Ingest: leads per second through POST /webhooks/leads (signed, validated, stored, announced), as fast as Baton
// takes them from a few concurrent senders; and a CSV import of 100,000 rows through the real import path.
import autocannon from "autocannon";
import { signWebForm } from "../src/domain/intake/web-form-signature.js";
import { benchDatabase } from "./digest.js";
import { type AppProcess, runJsonChild } from "./lib/processes.js";
import { median } from "./lib/stats.js";

export interface WebhookFigures {
  leadsPerSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

export interface CsvImportFigures {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
}

let webLead = 0;

export async function measureWebhook(
  app: AppProcess,
  teamId: string,
  secret: string,
  seconds: number,
  runs: number,
): Promise<WebhookFigures> {
  const results: WebhookFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await autocannon({
      url: `http://127.0.0.1:${app.port}/webhooks/leads`,
      connections: 8,
      duration: seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const n = ++webLead;
            const body = JSON.stringify({
              email: `web${n}@example.org`,
              name: `Web Lead ${n}`,
              company: `Company ${n % 700}`,
              title: "CTO",
            });
            const timestamp = Math.floor(Date.now() / 1000);
            const headers = {
              "content-type": "application/json",
              "x-baton-team": teamId,
              "x-baton-timestamp": String(timestamp),
              "x-baton-signature": signWebForm(secret, timestamp, body),
            };
            return { ...request, body, headers };
          },
        },
      ],
    });
    results.push({
      leadsPerSecond: result["2xx"] / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      failed: result.non2xx + result.errors,
    });
  }
  return {
    leadsPerSecond: median(results.map((r) => r.leadsPerSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    failed: Math.max(...results.map((r) => r.failed)),
  };
}

/** Imports `rows` generated rows into a fresh database, in a process of its own so its peak memory is its own. */
export async function measureCsvImport(provider: "sqlite" | "postgresql", rows: number, postgresUrl: string, runs: number) {
  const figures: CsvImportFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const database = await benchDatabase(provider, "csv_import", postgresUrl);
    try {
      const out = await runJsonChild<{ seconds: number; maxRssMb: number }>([
        "--import",
        "tsx",
        "bench/csv-import.ts",
        String(rows),
        database.url,
      ]);
      figures.push({ rows, seconds: out.seconds, rowsPerSecond: rows / out.seconds, peakRssMb: out.maxRssMb });
    } finally {
      await database.drop();
    }
  }
  return {
    rows,
    seconds: median(figures.map((f) => f.seconds)),
    rowsPerSecond: median(figures.map((f) => f.rowsPerSecond)),
    peakRssMb: Math.max(...figures.map((f) => f.peakRssMb)),
  };
}

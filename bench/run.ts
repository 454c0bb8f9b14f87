// `npm run bench [-- --quick] [--million] [--sqlite | --postgresql] [--only requests,digest,ingest,startup,outbox]`
// `npm run bench -- --only accept [--baseline DIR]`: the Accept scenarios alone (200 and 100 a second), and with
// --baseline the same against another build of Baton (DIR/dist/main.js, e.g. main's) in the same run; several
// builds as DIR,DIR,… (a bisect), each measured before this build, on a database seeded alike.
// `npm run bench -- --tenants 10,1000,10000 [--idle-seconds 60] [--burst REPLICAS] [--sqlite | --postgresql]`: idle
// cost by number of workspaces, and the time to post every digest due in one minute (bench/tenants.ts), on its
// own, written to bench/results-tenants.json.
// Runs every benchmark side by side in one run, prints markdown tables (the README carries the latest) and writes
// bench/results.json. PostgreSQL: POSTGRES_URL, default the local server (trust auth).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { databaseTarget } from "../src/db/target.js";
import { benchDatabase, type DigestFigures, measureDigest } from "./digest.js";
import { type CsvImportFigures, measureCsvImport, measureWebhook, type WebhookFigures } from "./ingest.js";
import { machine, postgresVersion, sqliteVersion } from "./lib/machine.js";
import { type AppProcess, freePort, startProcess } from "./lib/processes.js";
import { seedWorkspace } from "./lib/seed.js";
import { type SlackStub, startSlackStub } from "./lib/slack-stub.js";
import { measureOutbox, type OutboxFigures } from "./outbox.js";
import { printTables } from "./report.js";
import {
  ACCEPT_SCENARIOS,
  measureScenarios,
  type OverheadFigures,
  PENDING_HANDOFFS,
  SCENARIOS,
  SIGNING_SECRET,
  startBareBolt,
} from "./requests.js";
import { measureStartup, type StartupFigures } from "./startup.js";
import { measureTenants, type TenantFigures, tenantsTable } from "./tenants.js";

type Provider = "sqlite" | "postgresql";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.includes("--only")
  ? (args[args.indexOf("--only") + 1] ?? "").split(",")
  : ["requests", "digest", "ingest", "startup", "outbox"];
// `accept` is the requests section with the Accept scenarios only.
const scenarios = only.includes("accept") && !only.includes("requests") ? ACCEPT_SCENARIOS : SCENARIOS;
if (only.includes("accept")) only.push("requests");
const baselines = args.includes("--baseline") ? (args[args.indexOf("--baseline") + 1] ?? "").split(",").filter((dir) => dir !== "") : [];
const providers = (["sqlite", "postgresql"] as const).filter(
  (p) => args.includes(`--${p}`) || !(args.includes("--sqlite") || args.includes("--postgresql")),
);
const postgresUrl = process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const plan = quick ? { rate: 200, seconds: 2, runs: 1 } : { rate: 200, seconds: 5, runs: 3 };
const REQUEST_LEADS = 100_000;
const TEAM = "TBENCH0001";
const WEBHOOK_SECRET = "bwf_bench_secret";

export interface BenchResults {
  date: string;
  machine: ReturnType<typeof machine> & { sqlite?: string; postgres?: string };
  options: { quick: boolean; million: boolean; providers: Provider[]; load: typeof plan };
  requests: (OverheadFigures & { provider: string })[];
  digest: DigestFigures[];
  webhook: (WebhookFigures & { provider: Provider })[];
  csvImport: (CsvImportFigures & { provider: Provider })[];
  startup: (StartupFigures & { provider: Provider })[];
  outbox?: OutboxFigures[];
}

const results: BenchResults = {
  date: new Date().toISOString(),
  machine: machine(),
  options: { quick, million: args.includes("--million"), providers, load: plan },
  requests: [],
  digest: [],
  webhook: [],
  csvImport: [],
  startup: [],
  outbox: [],
};

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Baton's environment for the bench: single workspace, the Slack stand-in, quiet logs, no rate limit in the way. */
function batonEnv(databaseUrl: string, slackApiUrl: string): Record<string, string> {
  return {
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    SLACK_APP_TOKEN: "",
    SLACK_CLIENT_ID: "",
    SLACK_CLIENT_SECRET: "",
    SLACK_STATE_SECRET: "",
    ENCRYPTION_KEY: "",
    LOG_LEVEL: "warn",
    WEBHOOK_RATE_LIMIT: "100000000",
  };
}

async function requestsAndIngest(): Promise<void> {
  const stub = await startSlackStub();
  try {
    if (only.includes("requests")) {
      log("bare Bolt app");
      const bare = await startBareBolt(stub);
      const figures = await measureScenarios(bare, "bare Bolt", stub, TEAM, plan, scenarios).finally(() => bare.stop());
      results.requests.push(...figures.map((f) => ({ ...f, provider: "none" })));
    }
    for (const provider of providers) {
      if (only.includes("requests")) for (const baseline of baselines) await measureBaseline(provider, stub, baseline);
      const database = await benchDatabase(provider, "requests", postgresUrl);
      try {
        log(`${provider}: seeding ${REQUEST_LEADS.toLocaleString("en")} leads`);
        await seedWorkspace(databaseTarget(database.url), {
          teamId: TEAM,
          leads: REQUEST_LEADS,
          campaigns: 1000,
          end: new Date(),
          pendingHandoffs: PENDING_HANDOFFS,
          webhookSecret: WEBHOOK_SECRET,
        });
        await measureBaton(provider, database.url, stub.url, async (app) => {
          if (only.includes("requests")) {
            log(`${provider}: Baton requests`);
            const figures = await measureScenarios(app, "Baton", stub, TEAM, plan, scenarios);
            results.requests.push(...figures.map((f) => ({ ...f, provider })));
          }
          if (only.includes("ingest")) {
            log(`${provider}: webhook leads`);
            results.webhook.push({ provider, ...(await measureWebhook(app, TEAM, WEBHOOK_SECRET, plan.seconds, plan.runs)) });
          }
        });
        if (only.includes("startup")) {
          log(`${provider}: start-up`);
          const env = batonEnv(database.url, stub.url);
          results.startup.push({ provider, ...(await measureStartup(env, quick ? 2 : 5, await freePort())) });
        }
      } finally {
        await database.drop();
      }
      if (only.includes("ingest")) {
        log(`${provider}: CSV import`);
        results.csvImport.push({ provider, ...(await measureCsvImport(provider, 100_000, postgresUrl, quick ? 1 : 3)) });
      }
    }
  } finally {
    await stub.stop();
  }
}

/** `--baseline DIR`: the same request scenarios against another build of Baton, on a database seeded alike. */
async function measureBaseline(provider: Provider, stub: SlackStub, baseline: string): Promise<void> {
  const name = baselines.length > 1 ? `Baton (baseline ${baseline.replace(/\/+$/, "").split("/").pop()})` : "Baton (baseline)";
  const database = await benchDatabase(provider, "baseline", postgresUrl);
  try {
    log(`${provider}: seeding ${REQUEST_LEADS.toLocaleString("en")} leads for the baseline`);
    await seedWorkspace(databaseTarget(database.url), {
      teamId: TEAM,
      leads: REQUEST_LEADS,
      campaigns: 1000,
      end: new Date(),
      pendingHandoffs: PENDING_HANDOFFS,
      webhookSecret: WEBHOOK_SECRET,
    });
    await measureBaton(
      provider,
      database.url,
      stub.url,
      async (app) => {
        log(`${provider}: baseline requests`);
        const figures = await measureScenarios(app, name, stub, TEAM, plan, scenarios);
        results.requests.push(...figures.map((f) => ({ ...f, provider })));
      },
      `${baseline}/dist/main.js`,
    );
  } finally {
    await database.drop();
  }
}

async function measureBaton(
  provider: Provider,
  databaseUrl: string,
  slackApiUrl: string,
  work: (app: AppProcess) => Promise<void>,
  main = "dist/main.js",
) {
  if (!only.includes("requests") && !only.includes("ingest")) return;
  log(`${provider}: starting Baton (${main})`);
  const app = await startProcess(process.execPath, [main], batonEnv(databaseUrl, slackApiUrl), await freePort(), "/readyz");
  try {
    await work(app);
  } finally {
    await app.stop();
  }
}

async function digestAtScale(): Promise<void> {
  const sizes = [10_000, 100_000, ...(results.options.million ? [1_000_000] : [])];
  for (const leads of sizes) {
    for (const provider of providers) {
      log(`${provider}: digest at ${leads.toLocaleString("en")} leads`);
      results.digest.push(await measureDigest(provider, leads, postgresUrl, quick ? 3 : 5));
    }
  }
}

/** `--tenants N,M`: idle Baton over N workspaces, for each N and database. */
async function tenantsOnly(sizes: number[]): Promise<void> {
  const idleSeconds = args.includes("--idle-seconds") ? Number(args[args.indexOf("--idle-seconds") + 1]) : 60;
  const burstReplicas = args.includes("--burst") ? Number(args[args.indexOf("--burst") + 1]) || 1 : 0;
  const leadsPerDay = args.includes("--active") ? Number(args[args.indexOf("--active") + 1]) || 3 : 0;
  const stub = await startSlackStub();
  const figures: TenantFigures[] = [];
  try {
    for (const tenants of sizes) {
      for (const provider of providers) {
        log(`${provider}: ${tenants.toLocaleString("en")} workspaces, ${idleSeconds} s idle`);
        figures.push(
          await measureTenants(provider, tenants, {
            postgresUrl,
            env: (url) => batonEnv(url, stub.url),
            idleSeconds,
            burstReplicas,
            leadsPerDay,
          }),
        );
      }
    }
  } finally {
    await stub.stop();
  }
  const machineFacts = {
    ...machine(),
    sqlite: sqliteVersion(),
    ...(providers.includes("postgresql") ? { postgres: await postgresVersion(postgresUrl) } : {}),
  };
  fs.writeFileSync(
    "bench/results-tenants.json",
    `${JSON.stringify({ date: new Date().toISOString(), machine: machineFacts, idleSeconds, figures }, null, 2)}\n`,
  );
  process.stdout.write(`${tenantsTable(figures)}\n`);
}

/** bench/results.json; a run of the outbox alone keeps the other figures of the last full run. */
function writeResults(): void {
  const file = "bench/results.json";
  const outboxOnly = only.length === 1 && only[0] === "outbox" && fs.existsSync(file);
  const written = outboxOnly ? { ...(JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults), outbox: results.outbox } : results;
  fs.writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  log("building Baton (npm run build)");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
  if (args.includes("--tenants")) {
    const sizes = (args[args.indexOf("--tenants") + 1] ?? "")
      .split(",")
      .map(Number)
      .filter((n) => n > 0);
    await tenantsOnly(sizes.length > 0 ? sizes : [10, 1000]);
    log(`done in ${Math.round((performance.now() - started) / 1000)} s; figures in bench/results-tenants.json`);
    return;
  }
  results.machine.sqlite = sqliteVersion();
  if (providers.includes("postgresql")) results.machine.postgres = await postgresVersion(postgresUrl);
  if (only.some((s) => ["requests", "ingest", "startup"].includes(s))) await requestsAndIngest();
  if (only.includes("digest")) await digestAtScale();
  if (only.includes("outbox")) {
    for (const provider of providers) {
      log(`${provider}: the outbox's added latency and sweep throughput`);
      results.outbox?.push(await measureOutbox(provider, postgresUrl, quick ? 200 : 1000, quick ? 1000 : 2000));
    }
  }
  writeResults();
  process.stdout.write(printTables(results));
  log(`done in ${Math.round((performance.now() - started) / 1000)} s; figures in bench/results.json`);
}

await main();

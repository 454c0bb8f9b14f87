// Real databases for tests: one migrated template per test run, and a fresh copy of it for each test app.
// SQLite copies the template file; PostgreSQL creates a database from the template (CREATE DATABASE ... TEMPLATE).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { applyMigrations } from "../../src/db/migrate.js";
import { databaseTarget, type Provider } from "../../src/db/target.js";

export interface DatabaseTemplate {
  provider: Provider;
  /** SQLite: the template file. PostgreSQL: the server URL (any database) and the template's name. */
  url: string;
  name: string;
  runId: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate;
  }
}

export async function createTemplate(provider: Provider): Promise<DatabaseTemplate> {
  const runId = randomUUID().slice(0, 8);
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-test-"));
    const file = path.join(dir, "template.db");
    await applyMigrations(databaseTarget(`file:${file}`));
    return { provider, url: file, name: "template.db", runId };
  }
  const serverUrl = process.env.TEST_DATABASE_URL ?? "";
  const name = `baton_tpl_${runId}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  await applyMigrations(databaseTarget(withDatabase(serverUrl, name)));
  return { provider, url: serverUrl, name, runId };
}

export async function dropTemplate(template: DatabaseTemplate): Promise<void> {
  if (template.provider === "sqlite") {
    fs.rmSync(path.dirname(template.url), { recursive: true, force: true });
    return;
  }
  const { rows } = await query<{ datname: string }>(template.url, "SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `baton_t_${template.runId}_%`,
  ]);
  for (const { datname } of rows) await admin(template.url, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin(template.url, `DROP DATABASE IF EXISTS "${template.name}" WITH (FORCE)`);
}

export interface TestDatabase {
  provider: Provider;
  /** DATABASE_URL for the app under test. */
  url: string;
  drop(): Promise<void>;
}

/** A new, migrated, empty database of the provider this test project runs on. */
export async function freshDatabase(): Promise<TestDatabase> {
  const template = inject("databaseTemplate");
  const id = randomUUID().replaceAll("-", "").slice(0, 12);
  if (template.provider === "sqlite") {
    const file = path.join(path.dirname(template.url), `${id}.db`);
    fs.copyFileSync(template.url, file);
    return {
      provider: "sqlite",
      url: `file:${file}`,
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const name = `baton_t_${template.runId}_${id}`;
  await admin(template.url, `CREATE DATABASE "${name}" TEMPLATE "${template.name}"`);
  return {
    provider: "postgresql",
    url: withDatabase(template.url, name),
    drop: () => dropInTime(template.url, name),
  };
}

/** A new database with nothing in it, not even migrations (what a new user's first start sees). */
export async function emptyDatabase(): Promise<TestDatabase> {
  const template = inject("databaseTemplate");
  const id = randomUUID().replaceAll("-", "").slice(0, 12);
  if (template.provider === "sqlite") {
    const dir = path.join(path.dirname(template.url), `empty-${id}`);
    return {
      provider: "sqlite",
      url: `file:${path.join(dir, "baton.db")}`,
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `baton_t_${template.runId}_${id}`;
  await admin(template.url, `CREATE DATABASE "${name}"`);
  return {
    provider: "postgresql",
    url: withDatabase(template.url, name),
    drop: () => dropInTime(template.url, name),
  };
}

/**
 * DROP DATABASE on PostgreSQL 15 waits for an immediate checkpoint and then for every session on the server, of any
 * database and any process, to release its files (a ProcSignalBarrier). A session blocked writing to a client that
 * does not read (a busy event loop, another run's bench) holds that up for as long as it lasts, so the drop can
 * outlast a test's teardown while nothing of the test is wrong. The teardown waits for it this long, then leaves it
 * to finish on its own connection; the run's teardown (dropTemplate) drops whatever is still there.
 */
const DROP_WAIT_MS = 30_000;

async function dropInTime(serverUrl: string, name: string): Promise<void> {
  // Settles with the failure, if any, so that a drop that fails after the wait rejects nothing unhandled.
  const dropping = admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(
    () => ({ failure: undefined }),
    (failure: unknown) => ({ failure }),
  );
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), DROP_WAIT_MS);
  });
  const dropped = await Promise.race([dropping, waited]).finally(() => clearTimeout(timer));
  if (dropped?.failure) throw dropped.failure;
  if (!dropped)
    console.warn(
      `DROP DATABASE "${name}" still waits after ${DROP_WAIT_MS / 1000} s (see its wait_event in pg_stat_activity); left to finish`,
    );
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  // CREATE DATABASE ... TEMPLATE fails while another session copies the same template: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await query(serverUrl, sql);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

async function query<T extends pg.QueryResultRow>(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

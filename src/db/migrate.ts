// Applies checked-in migrations with the project's own Prisma CLI (`prisma migrate deploy`, JS schema engine).
// Start-up calls this on every boot: when nothing is pending it costs one query and no child process.
// Concurrent replicas are safe: Prisma Migrate takes an advisory lock on PostgreSQL, and SQLite has one writer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./client.js";
import type { DatabaseTarget } from "./target.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

export function migrationNames(target: DatabaseTarget): string[] {
  const dir = path.join(projectRoot, target.migrationsPath);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Migrations in the repository that the database has not finished applying. */
export async function pendingMigrations(db: Db, target: DatabaseTarget): Promise<string[]> {
  const expected = migrationNames(target);
  if (!(await hasMigrationsTable(db, target))) return expected; // a new database
  const applied: { migration_name: string }[] = await db.$queryRawUnsafe(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(applied.map((row) => row.migration_name));
  return expected.filter((name) => !done.has(name));
}

// Asked rather than found out by a failing query: on SQLite a failed statement on the app's connection left
// `prisma migrate deploy` in the child process unable to take the database (SQLITE_BUSY).
async function hasMigrationsTable(db: Db, target: DatabaseTarget): Promise<boolean> {
  const rows: unknown[] =
    target.provider === "sqlite"
      ? await db.$queryRawUnsafe(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      : await db.$queryRawUnsafe(
          `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '_prisma_migrations'`,
        );
  return rows.length > 0;
}

export async function applyMigrations(target: DatabaseTarget): Promise<void> {
  const require = createRequire(import.meta.url);
  const cli = require.resolve("prisma/build/index.js");
  const url = target.provider === "sqlite" ? `file:${target.file}` : target.url;
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const preload = path.join(projectRoot, "prisma/scripts/unref-long-timers.cjs");
    const child = spawn(process.execPath, ["-r", preload, cli, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`prisma migrate deploy failed (exit ${code}):\n${redactUrl(output.join(""), target.url)}`);
}

function redactUrl(text: string, url: string): string {
  return url ? text.split(url).join("[DATABASE_URL]") : text;
}

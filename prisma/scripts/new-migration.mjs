// Writes a new migration for both providers from the edited SQLite schema:
//   npm run db:diff -- <name>
// 1. regenerates prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma;
// 2. for each provider, diffs its checked-in migrations against its schema (`prisma migrate diff --script`)
//    and writes the SQL as prisma/<provider>/migrations/<timestamp>_<name>/migration.sql.
// `prisma migrate dev` cannot be used: with the JS schema engine it cannot build its shadow database.
// The PostgreSQL diff replays migrations in a throwaway database on POSTGRES_URL (default: local server).
import fs from "node:fs";
import path from "node:path";
import { prisma } from "./prisma-cli.mjs";
import { writePostgresSchema } from "./schema-sync.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:diff -- <migration_name>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const shadowUrls = {
  sqlite: "file:./data/.migrate-diff.db",
  postgresql: process.env.POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};

writePostgresSchema();
for (const provider of ["sqlite", "postgresql"]) {
  const dir = path.join("prisma", provider, "migrations");
  fs.mkdirSync(dir, { recursive: true });
  const hasMigrations = fs.readdirSync(dir).some((entry) => fs.statSync(path.join(dir, entry)).isDirectory());
  const from = hasMigrations ? ["--from-migrations", dir] : ["--from-empty"];
  const { stdout } = prisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", path.join("prisma", provider, "schema.prisma"), "--script"],
    { env: { DATABASE_URL: shadowUrls[provider] }, capture: true },
  );
  if (/^-- This is an empty migration\.?\s*$/m.test(stdout) || stdout.trim() === "") {
    console.log(`${provider}: no changes`);
    continue;
  }
  const target = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(path.join(target, "migration.sql"), stdout);
  fs.writeFileSync(path.join(dir, "migration_lock.toml"), `provider = "${provider}"\n`);
  console.log(`${provider}: wrote ${path.join(target, "migration.sql")}`);
}
fs.rmSync("data/.migrate-diff.db", { force: true });

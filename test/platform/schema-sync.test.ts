// The two providers' schemas and migrations cannot drift: the PostgreSQL schema is derived from the SQLite one,
// and each provider's checked-in migrations must produce exactly its schema.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, inject, it } from "vitest";
// @ts-expect-error plain ESM script without type declarations
import { expectedPostgresSchema, POSTGRES_SCHEMA } from "../../prisma/scripts/schema-sync.mjs";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

function migrationsMatchSchema(provider: "sqlite" | "postgresql", databaseUrl: string) {
  return spawnSync(
    process.execPath,
    [
      "-r",
      "./prisma/scripts/unref-long-timers.cjs",
      prismaCli,
      "migrate",
      "diff",
      "--from-migrations",
      `prisma/${provider}/migrations`,
      "--to-schema-datamodel",
      `prisma/${provider}/schema.prisma`,
      "--exit-code",
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" },
  );
}

describe("schemas and migrations of both providers", () => {
  it("keeps the PostgreSQL schema generated from the SQLite schema", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(expectedPostgresSchema());
  });

  it("has the SQLite migrations produce exactly the SQLite schema", () => {
    const result = migrationsMatchSchema("sqlite", "file:./data/.schema-sync-check.db");
    expect(result.stdout + result.stderr).not.toMatch(/Error/);
    expect(result.status).toBe(0);
    fs.rmSync("data/.schema-sync-check.db", { force: true });
  });

  it.runIf(inject("databaseTemplate").provider === "postgresql")(
    "has the PostgreSQL migrations produce exactly the PostgreSQL schema",
    () => {
      const result = migrationsMatchSchema("postgresql", inject("databaseTemplate").url);
      expect(result.stdout + result.stderr).not.toMatch(/Error/);
      expect(result.status).toBe(0);
    },
  );
});

// A scan of the whole database for a string: what erasure tests use to prove a person is gone.
import { expect, inject } from "vitest";
import type { Db } from "../../src/db/client.js";

/** Every (table, column) whose text holds `needle`, in any case: a scan of the whole database. */
export async function findEverywhere(db: Db, needle: string): Promise<string[]> {
  const provider = inject("databaseTemplate").provider;
  const columns: { table: string; column: string }[] = [];
  if (provider === "postgresql") {
    const rows = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const row of rows) columns.push({ table: row.table_name, column: row.column_name });
  } else {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
    );
    for (const { name } of tables) {
      for (const col of await db.$queryRawUnsafe<{ name: string }[]>(`PRAGMA table_info("${name}")`))
        columns.push({ table: name, column: col.name });
    }
  }
  expect(columns.length).toBeGreaterThan(50);
  // SQLite's LIKE ignores ASCII case already; PostgreSQL needs ILIKE. Placeholders differ too.
  const [like, param] = provider === "postgresql" ? ["ILIKE", "$1"] : ["LIKE", "?"];
  const hits: string[] = [];
  for (const { table, column } of columns) {
    const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT COUNT(*) AS n FROM "${table}" WHERE CAST("${column}" AS TEXT) ${like} ${param}`,
      `%${needle}%`,
    );
    if (Number(rows[0]?.n ?? 0) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

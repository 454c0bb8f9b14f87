// Helpers for the raw statements on hot paths (a click's handful of calls): Prisma's client engine compiles every
// model query in WebAssembly, about a millisecond of CPU each, while a raw statement skips the compiler. Raw rows
// come back typed by the columns on both databases (DateTime as Date, Json parsed, Boolean as boolean), so a row
// read raw is the row Prisma's model query returns.
import { randomBytes } from "node:crypto";
import { Prisma } from "./generated/sqlite/client.js";

/** A new id in the shape of Prisma's cuid() defaults (a "c", the time, randomness), unique without a round trip. */
export const newId = (): string => `c${Date.now().toString(36)}${randomBytes(9).toString("hex")}`;

const quoted = (name: string) => Prisma.raw(`"${name}"`);

/**
 * A text value a hot statement's WHERE compares with an indexed column, cast so that SQLite plans the statement
 * once. Given a bare parameter there, SQLite built with STAT4 (better-sqlite3 is) plans the statement again each
 * time it is bound, from the value, once ANALYZE has gathered statistics: for the click's read of a handoff with
 * its lead, campaign and workspace by primary key, that re-plan cost several times the read itself.
 */
export const text = (value: string | null): Prisma.Sql => Prisma.sql`CAST(${value} AS TEXT)`;

/** `alias."field" AS "prefixfield", ...` for a model's scalar fields, to read several models in one row. */
export function selectAs(alias: string, fields: readonly string[], prefix = ""): Prisma.Sql {
  return Prisma.join(
    fields.map((field) => Prisma.raw(`${alias}."${field}" AS "${prefix}${field}"`)),
    ", ",
  );
}

/** The fields of a joined row that carry `prefix`, without it. */
export function unprefixed(row: Record<string, unknown>, prefix: string, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, row[`${prefix}${field}`]]));
}

/** `"column" = value, ...` for the defined entries (undefined leaves a column as it is, as in Prisma's `data`). */
export function assignments(data: Record<string, unknown>): Prisma.Sql {
  const set = Object.entries(data).filter(([, value]) => value !== undefined);
  return Prisma.join(
    set.map(([column, value]) => Prisma.sql`${quoted(column)} = ${value}`),
    ", ",
  );
}

/** Whether every value is one a raw statement binds as Prisma would: no nested writes or atomic operations. */
export function plainValues(data: Record<string, unknown>): boolean {
  return Object.values(data).every((value) => value === null || value === undefined || value instanceof Date || typeof value !== "object");
}

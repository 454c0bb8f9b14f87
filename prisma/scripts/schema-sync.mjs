// The PostgreSQL schema is derived from the hand-edited SQLite schema, never edited by hand.
import fs from "node:fs";

export const SQLITE_SCHEMA = "prisma/sqlite/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgresql/schema.prisma";

const HEADER = "// GENERATED from prisma/sqlite/schema.prisma by `npm run db:diff`. Do not edit: edit the SQLite schema.\n";

export function postgresSchemaFrom(sqliteSchema) {
  return (
    HEADER +
    sqliteSchema
      .replace(/(output\s*=\s*")\.\.\/\.\.\/src\/db\/generated\/sqlite"/, '$1../../src/db/generated/postgresql"')
      .replace(/(provider\s*=\s*)"sqlite"/, '$1"postgresql"')
      .replace(/(url\s*=\s*)"file:[^"]*"/, '$1"postgresql://localhost/baton"')
  );
}

export function expectedPostgresSchema() {
  return postgresSchemaFrom(fs.readFileSync(SQLITE_SCHEMA, "utf8"));
}

export function writePostgresSchema() {
  fs.writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());
}

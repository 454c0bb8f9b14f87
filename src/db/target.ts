import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: Provider;
  url: string;
  /** For SQLite: the database file's absolute path. */
  file?: string;
  schemaPath: string;
  migrationsPath: string;
}

export const DEFAULT_DATABASE_URL = "file:./data/baton.db";

/** `file:` URLs are SQLite (a path relative to the working directory), `postgres(ql)://` URLs are PostgreSQL. */
export function databaseTarget(url: string | undefined = DEFAULT_DATABASE_URL): DatabaseTarget {
  const value = url.trim() === "" ? DEFAULT_DATABASE_URL : url.trim();
  const provider = providerOf(value);
  const dir = path.join("prisma", provider);
  const target: DatabaseTarget = {
    provider,
    url: value,
    schemaPath: path.join(dir, "schema.prisma"),
    migrationsPath: path.join(dir, "migrations"),
  };
  if (provider === "sqlite") target.file = path.resolve(value.slice("file:".length).split("?")[0] ?? "");
  return target;
}

export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)");
}

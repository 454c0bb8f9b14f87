// Makes a test app's database slow (writes wait on a lock held elsewhere) or unreachable, and gives it back.
import { spawn } from "node:child_process";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseTarget } from "../../src/db/target.js";

export type Restore = () => Promise<void>;

export interface HeldLock {
  /** Lets writes through again (SQLite: waits for the holder, which lets go by itself after `holdMs`). */
  release(): Promise<void>;
}

/**
 * Another session holds a write lock: reads still work, writes wait. SQLite's driver waits synchronously, blocking
 * this whole process, so there the lock is held by a child process that lets go by itself after `holdMs`.
 */
export async function holdWriteLock(databaseUrl: string, holdMs: number): Promise<HeldLock> {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    const script = `const D=require("better-sqlite3");const d=new D(${JSON.stringify(target.file)});d.exec("BEGIN EXCLUSIVE");process.stdout.write("locked\\n");setTimeout(()=>{d.exec("ROLLBACK");d.close();process.exit(0)},${holdMs});`;
    const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve());
      child.on("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    return { release: () => exited };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query('LOCK TABLE "Workspace", "OnceMarker", "WebhookReceipt", "RateWindow", "Lead", "LeadEvent" IN EXCLUSIVE MODE');
  return {
    release: async () => {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

/**
 * The database goes away. PostgreSQL: the database refuses connections and existing ones are cut. SQLite (a file
 * in the same process cannot be taken away from its open connection): every write is locked out, which the app
 * sees as the same "database unavailable" once its busy timeout passes.
 */
export async function takeDatabaseDown(databaseUrl: string): Promise<Restore> {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    const other = new Database(target.file ?? "");
    other.exec("BEGIN EXCLUSIVE");
    return async () => {
      other.exec("ROLLBACK");
      other.close();
    };
  }
  const name = new URL(databaseUrl).pathname.slice(1);
  const server = new URL(databaseUrl);
  server.pathname = "/postgres";
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
  await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`);
  return () => admin(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS true`);
}

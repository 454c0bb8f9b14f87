// SQLite in WAL mode copies the log back into the database file (a checkpoint) every 1,000 pages, by default on the
// connection that just committed, with an fsync: better-sqlite3 is synchronous, so that commit's request, and every
// other on the event loop, waits for the disk (profiled: about 1 ms per Accept, amortised, in stalls of tens of
// milliseconds). Here a worker thread with its own connection checkpoints instead (PASSIVE: it never blocks a
// writer), once a second when the log has grown. A log is only started over by a write that finds it fully copied, which
// back-to-back writes never do: the app's connection still checkpoints itself past a far larger log (ten times
// SQLite's default), so under sustained writes the log stays bounded.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** The app's connection checkpoints itself only past this many pages (about 40 MB): the worker's fallback. */
export const FALLBACK_CHECKPOINT_PAGES = 10_000;
const EVERY_MS = 1_000;

export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain JavaScript, run as the worker's script (a module of its own would need a built file beside it under tsx and
// vitest as well as in dist/).
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 0 });
const checkpoint = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");
let seen = "";
const timer = setInterval(() => {
  let wal = "";
  try {
    const stat = fs.statSync(workerData.file + "-wal");
    wal = stat.size + " " + stat.mtimeMs;
  } catch {}
  if (wal === seen) return;
  try {
    checkpoint.run();
    seen = wal;
  } catch {}
}, workerData.everyMs);
parentPort.once("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage("ready");
`;

/** Starts the worker; undefined when it could not start (then SQLite's own checkpoints stay as they are). */
export async function startCheckpointer(file: string): Promise<Checkpointer | undefined> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs: EVERY_MS } });
  worker.unref();
  const ready = await new Promise<boolean>((resolve) => {
    worker.once("message", () => resolve(true));
    worker.once("error", () => resolve(false));
    worker.once("exit", () => resolve(false));
  });
  if (!ready) return undefined;
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    stop: async () => {
      // Held by the worker until it has closed its connection (unreferenced, it would not keep the process alive).
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}

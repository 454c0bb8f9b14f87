// SQLite in WAL mode copies the log back into the database file (a checkpoint) every 1,000 pages, by default on the
// connection that just committed, with an fsync: better-sqlite3 is synchronous, so that commit's request, and every
// other on the event loop, waits for the disk (profiled: about 1 ms per Accept, amortised, in stalls of tens of
// milliseconds). Here a worker thread with its own connection checkpoints instead (PASSIVE: it never blocks a
// writer) when the log has grown, and again at once while writes keep coming in during its checkpoints: a log is only
// started over by a write that finds it fully copied, so the worker has to catch up with the writers between two of
// their commits. Should it not, the app's connection still checkpoints itself past a far larger log (ten times
// SQLite's default), so the log stays bounded.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** The app's connection checkpoints itself only past this many pages (about 40 MB): the worker's fallback. */
export const FALLBACK_CHECKPOINT_PAGES = 10_000;
/** How often the worker looks at the log; and how soon it goes again when writes came in during a checkpoint. */
const IDLE_MS = 200;
const BEHIND_MS = 10;

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
const stamp = () => {
  try {
    const stat = fs.statSync(workerData.file + "-wal");
    return stat.size + " " + stat.mtimeMs;
  } catch {
    return "";
  }
};
let seen = "";
let timer;
const tick = () => {
  let next = workerData.idleMs;
  const wal = stamp();
  if (wal !== seen) {
    try {
      const { log, checkpointed } = checkpoint.get();
      seen = wal;
      if (checkpointed < log) next = workerData.behindMs;
    } catch {}
  }
  timer = setTimeout(tick, next);
};
timer = setTimeout(tick, workerData.idleMs);
parentPort.once("message", () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage("ready");
`;

/** Starts the worker; undefined when it could not start (then SQLite's own checkpoints stay as they are). */
export async function startCheckpointer(file: string): Promise<Checkpointer | undefined> {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, idleMs: IDLE_MS, behindMs: BEHIND_MS } });
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

import type { Db, Tx } from "./client.js";

/**
 * Runs one write in a transaction of its own. On SQLite the driver adapter shares one connection and only
 * transactions take turns on it: a bare write issued while another request's transaction is open would become
 * part of that transaction, and vanish if it rolls back. Writes outside a use case's transaction go through here.
 */
export function alone<T>(db: Db, write: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(write);
}

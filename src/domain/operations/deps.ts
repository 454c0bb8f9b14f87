import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";

/** What the operational bookkeeping (event ids, housekeeping) needs. */
export interface OperationsDeps {
  db: Db;
  clock: Clock;
}

import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";

/** What the App Home needs. */
export interface HomeDeps {
  db: Db;
  clock: Clock;
}

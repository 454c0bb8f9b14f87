import type { Db } from "../../db/client.js";
import type { Provider } from "../../db/target.js";
import type { Clock } from "../../lib/clock.js";

/** What the funnel's figures, scorecard and service need. */
export interface FunnelDeps {
  db: Db;
  /** Raw SQL differs between the two databases for percentiles. */
  provider: Provider;
  clock: Clock;
}

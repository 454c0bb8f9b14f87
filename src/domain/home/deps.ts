import type { Db } from "../../db/client.js";
import type { Clock } from "../../lib/clock.js";
import type { Roles } from "../people/roles.js";

/** What the App Home needs. */
export interface HomeDeps {
  db: Db;
  clock: Clock;
  roles: Pick<Roles, "isAdmin" | "inNamedSalesTeam">;
}

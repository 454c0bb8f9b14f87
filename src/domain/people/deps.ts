import type { Db } from "../../db/client.js";
import type { Directory } from "../ports.js";

/** What deciding who may do what needs. */
export interface PeopleDeps {
  db: Db;
  directory: Directory;
}

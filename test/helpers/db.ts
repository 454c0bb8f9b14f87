// A real, migrated, empty database for domain-level tests that need no Slack app.
import { type Database, openDatabase } from "../../src/db/client.js";
import { databaseTarget } from "../../src/db/target.js";
import { freshDatabase } from "./database.js";

export interface OpenTestDatabase extends Database {
  url: string;
  /** Closes the client and drops the database. */
  dispose(): Promise<void>;
}

export async function openTestDatabase(): Promise<OpenTestDatabase> {
  const fresh = await freshDatabase();
  const database = await openDatabase(databaseTarget(fresh.url));
  return {
    ...database,
    url: fresh.url,
    dispose: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

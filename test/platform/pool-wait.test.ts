// Under load every connection can be busy for a while: a statement then waits for one as long as the database's
// timeout allows (10 s by default), rather than being refused sooner and the person told the database is down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";
import { databaseTarget } from "../../src/db/target.js";
import { freshDatabase, type TestDatabase } from "../helpers/database.js";

const HELD_MS = 6_000;

describe("a busy pool", () => {
  let fresh: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    fresh = await freshDatabase();
    database = await openDatabase(databaseTarget(fresh.url), { poolSize: 1, timeoutMs: 20_000 });
  });
  afterAll(async () => {
    await database.close();
    await fresh.drop();
  });

  it("makes a statement wait for the one connection past 5 s, within the timeout, and then runs it", async () => {
    const db = database.prisma;
    let inside!: () => void;
    const holding = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const held = db.$transaction(async (tx) => {
      await tx.workspace.create({ data: { teamId: "T0HOLDING1" } });
      inside();
      await new Promise((resolve) => setTimeout(resolve, HELD_MS));
    });
    await holding;
    await db.workspace.create({ data: { teamId: "T0WAITING1" } });
    await held;
    expect(await db.workspace.count({ where: { teamId: { in: ["T0HOLDING1", "T0WAITING1"] } } })).toBe(2);
  }, 30_000);
});

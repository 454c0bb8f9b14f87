// A transaction that rolls back takes only its own writes with it, even while other requests write at the same
// time on the same client (on SQLite all of them share one connection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

describe("concurrent writes beside a transaction", () => {
  let database: OpenTestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("keeps a plain write made while another transaction is open, when that transaction rolls back", async () => {
    const db = database.prisma;
    let inside!: () => void;
    const transactionOpen = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const failing = db
      .$transaction(async (tx) => {
        await tx.workspace.create({ data: { teamId: "T0ROLLBACK" } });
        inside();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("changed my mind");
      })
      .catch((error: Error) => error.message);
    await transactionOpen;
    await db.workspace.create({ data: { teamId: "T0BESIDE01" } });
    expect(await failing).toBe("changed my mind");
    expect(await db.workspace.findUnique({ where: { teamId: "T0BESIDE01" } })).not.toBeNull();
    expect(await db.workspace.findUnique({ where: { teamId: "T0ROLLBACK" } })).toBeNull();
  });

  it("does not let a plain read see another transaction's uncommitted rows", async () => {
    const db = database.prisma;
    let inside!: () => void;
    const transactionOpen = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const pending = db
      .$transaction(async (tx) => {
        await tx.workspace.create({ data: { teamId: "T0UNCOMMIT" } });
        inside();
        await new Promise((resolve) => setTimeout(resolve, 50));
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    await transactionOpen;
    expect(await db.workspace.findUnique({ where: { teamId: "T0UNCOMMIT" } })).toBeNull();
    await pending;
  });
});

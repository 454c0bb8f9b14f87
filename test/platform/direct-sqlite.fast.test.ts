// The hot path's raw statements on SQLite run on the driver's connection directly (src/db/direct-sqlite.ts), which
// leans on Prisma 6.19's internals; on PostgreSQL they go through Prisma. Either way: the same rows, inside the
// caller's transaction, and on SQLite really on the driver (so a Prisma upgrade that moves its internals shows here,
// not as a silent loss of speed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directly, executeRaw, queryRows } from "../../src/db/direct-sqlite.js";
import { Prisma } from "../../src/db/generated/sqlite/client.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";

const TEAM = "T0DIRECT01";

describe("raw statements on the hot path", () => {
  let database: OpenTestDatabase;
  const db = () => database.prisma;
  beforeAll(async () => {
    database = await openTestDatabase();
    await db().workspace.create({
      data: { teamId: TEAM, salesUserIds: ["U0REP1", "U0REP2"], rotationEnabled: true, salesChannelId: "C0SALES" },
    });
  });
  afterAll(() => database.dispose());

  it("run on SQLite's driver directly, and through Prisma on PostgreSQL", async () => {
    const ran = await directly(db(), "probe", (query) => query<{ one: number }>(Prisma.sql`SELECT 1 AS "one"`));
    expect(ran).toEqual(database.provider === "sqlite" ? [{ one: 1 }] : undefined);
  });

  it("return a row typed as Prisma types a raw row: dates, booleans, JSON, nulls", async () => {
    const query = Prisma.sql`SELECT "teamId", "createdAt", "rotationEnabled", "salesUserIds", "marketingChannelId"
      FROM "Workspace" WHERE "teamId" = ${TEAM}`;
    const direct = await queryRows(db(), query);
    expect(direct).toEqual(await db().$queryRaw(query));
    expect(direct[0]).toMatchObject({ rotationEnabled: true, salesUserIds: ["U0REP1", "U0REP2"], marketingChannelId: null });
    expect((direct[0] as { createdAt: unknown }).createdAt).toBeInstanceOf(Date);
  });

  it("made with a transaction's client, are part of it: rolled back with it", async () => {
    await expect(
      db().$transaction(async (tx) => {
        const changed = await executeRaw(tx, Prisma.sql`UPDATE "Workspace" SET "salesChannelId" = 'C0CHANGED' WHERE "teamId" = ${TEAM}`);
        expect(changed).toBe(1);
        const seen = await queryRows<{ salesChannelId: string }>(
          tx,
          Prisma.sql`SELECT "salesChannelId" FROM "Workspace" WHERE "teamId" = ${TEAM}`,
        );
        expect(seen).toEqual([{ salesChannelId: "C0CHANGED" }]);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect((await db().workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).salesChannelId).toBe("C0SALES");
  });
});

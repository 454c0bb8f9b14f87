// The hot path's raw statements run on the driver's connection directly (src/db/direct.ts), which leans on Prisma
// 6.19's internals: better-sqlite3's connection under the SQLite adapter, the `pg` pool and each transaction's
// connection under the PostgreSQL one. The same rows as through Prisma, inside the caller's transaction, and really
// on the driver (so a Prisma upgrade that moves its internals shows here, not as a silent loss of speed).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directly, executeRaw, queryRows, statementsRunDirectly } from "../../src/db/direct.js";
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

  it("run on the driver directly, with the root client and with a transaction's", async () => {
    const before = statementsRunDirectly(db());
    await queryRows(db(), Prisma.sql`SELECT 1 AS "one"`);
    await db().$transaction(async (tx) => {
      await executeRaw(tx, Prisma.sql`UPDATE "Workspace" SET "salesChannelId" = 'C0SALES' WHERE "teamId" = ${TEAM}`);
    });
    expect(statementsRunDirectly(db()) - before).toBe(2);
  });

  it("several statements as one operation on SQLite; through Prisma on PostgreSQL", async () => {
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

  it("bind a date, a JSON value and a boolean as Prisma binds them", async () => {
    const at = new Date("2026-03-29T01:30:00.123Z");
    const changed = await executeRaw(
      db(),
      Prisma.sql`UPDATE "Workspace" SET "updatedAt" = ${at}, "salesUserIds" = ${["U0REP3"]}, "rotationEnabled" = ${false}
        WHERE "teamId" = ${TEAM}`,
    );
    expect(changed).toBe(1);
    const stored = await db().workspace.findUniqueOrThrow({ where: { teamId: TEAM } });
    expect(stored).toMatchObject({ updatedAt: at, salesUserIds: ["U0REP3"], rotationEnabled: false });
    const [row] = await queryRows<{ updatedAt: Date }>(db(), Prisma.sql`SELECT "updatedAt" FROM "Workspace" WHERE "teamId" = ${TEAM}`);
    expect(row?.updatedAt.toISOString()).toBe(at.toISOString());
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
        // Prisma's own statements in the same transaction see it too.
        expect((await tx.workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).salesChannelId).toBe("C0CHANGED");
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect((await db().workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).salesChannelId).toBe("C0SALES");
  });

  it("fail inside a transaction as through Prisma (P2010), and leave nothing behind", async () => {
    const insert = Prisma.sql`INSERT INTO "OnceMarker" ("key", "teamId", "createdAt") VALUES ('direct-dup', ${TEAM}, ${new Date()})`;
    const failed = await db()
      .$transaction(async (tx) => {
        await executeRaw(tx, Prisma.sql`UPDATE "Workspace" SET "salesChannelId" = 'C0LOST' WHERE "teamId" = ${TEAM}`);
        await executeRaw(tx, insert);
        await executeRaw(tx, insert);
      })
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: "P2010" });
    expect(await db().onceMarker.count({ where: { key: "direct-dup" } })).toBe(0);
    expect((await db().workspace.findUniqueOrThrow({ where: { teamId: TEAM } })).salesChannelId).toBe("C0SALES");
  });
});

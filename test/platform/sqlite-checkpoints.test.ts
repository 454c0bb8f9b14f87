// On SQLite the write-ahead log is copied back into the database file by a worker thread, not by the connection
// that serves requests (whose commit would wait for the disk, and every request with it): the app's connection
// checkpoints itself only past a far larger log, and the writes still reach the database file within seconds.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { FALLBACK_CHECKPOINT_PAGES } from "../../src/db/sqlite-checkpoints.js";
import { databaseTarget } from "../../src/db/target.js";
import { type OpenTestDatabase, openTestDatabase } from "../helpers/db.js";
import { waitUntil } from "../helpers/waits.js";

describe.skipIf(inject("databaseTemplate").provider !== "sqlite")("SQLite's checkpoints", () => {
  let database: OpenTestDatabase;
  let file: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    file = databaseTarget(database.url).file ?? "";
  });
  afterAll(() => database.dispose());

  it("are not made by the app's connection until the log is ten times SQLite's default", async () => {
    const [row] = await database.prisma.$queryRawUnsafe<{ wal_autocheckpoint: number }[]>("PRAGMA wal_autocheckpoint");
    expect(Number(row?.wal_autocheckpoint)).toBe(FALLBACK_CHECKPOINT_PAGES);
  });

  it("still bring the writes into the database file, well before SQLite's own 1,000 frames", async () => {
    const before = fs.statSync(file).size;
    // About 50 pages of rows in about 300 frames of the log: left to SQLite's default (1,000 frames), they would stay
    // in the log.
    for (let i = 0; i < 100; i++) {
      await database.prisma.onceMarker.create({ data: { key: `checkpoint-${i}-${"x".repeat(1500)}`, createdAt: new Date() } });
    }
    await waitUntil(() => fs.statSync(file).size >= before + 100 * 1500, "the rows copied into the database file");
    expect(await database.prisma.onceMarker.count({ where: { key: { startsWith: "checkpoint-" } } })).toBe(100);
  });
});

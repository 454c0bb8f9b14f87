// How many digests one process runs at once, and the database pool they must stay below.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const slack = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef" };

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...slack, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("DIGEST_CONCURRENCY and DATABASE_POOL_SIZE", () => {
  it("runs 4 digests at once on a pool of 10 connections unless told otherwise", () => {
    expect(loadConfig(slack)).toMatchObject({ digestConcurrency: 4, databasePoolSize: 10 });
    expect(loadConfig({ ...slack, DIGEST_CONCURRENCY: "8", DATABASE_POOL_SIZE: "20" })).toMatchObject({
      digestConcurrency: 8,
      databasePoolSize: 20,
    });
  });

  it("refuses as many digests at once as there are connections, saying why", () => {
    expect(problemsOf({ DIGEST_CONCURRENCY: "10" })).toEqual([
      "DIGEST_CONCURRENCY: should be below DATABASE_POOL_SIZE (10), so requests still get a database connection while digests run",
    ]);
  });

  it("names a value that is not a whole number", () => {
    expect(problemsOf({ DIGEST_CONCURRENCY: "two", DATABASE_POOL_SIZE: "1.5" })).toEqual([
      'DATABASE_POOL_SIZE: should be a whole number of connections, e.g. 10 (got "1.5")',
      'DIGEST_CONCURRENCY: should be a number of digests, e.g. 4 (got "two")',
    ]);
  });
});

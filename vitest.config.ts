import { defineConfig } from "vitest/config";

// `npm test` runs every test on SQLite; with TEST_DATABASE_URL (a PostgreSQL server URL) it runs them all again
// on PostgreSQL, each test app in a database of its own that is dropped afterwards.
const providers = ["sqlite", ...(process.env.TEST_DATABASE_URL ? ["postgresql"] : [])];

// Two tiers, told apart by file name: `*.fast.test.ts` start no app, server or process (the domain's use cases on
// a real database with fakes of Slack, and pure functions); every other test drives the real app end to end.
// `npm run test:fast` (BATON_TEST_TIER=fast) runs the fast tier alone.
const include = process.env.BATON_TEST_TIER === "fast" ? ["test/**/*.fast.test.ts"] : ["test/**/*.test.ts"];

export default defineConfig({
  test: {
    projects: providers.map((provider) => ({
      extends: true,
      test: {
        name: provider,
        env: { BATON_TEST_PROVIDER: provider },
        globalSetup: ["test/helpers/global-setup.ts"],
      },
    })),
    include,
    // Bounds that catch a hang, not speed checks: above the waits' own bound (test/helpers/waits.ts, 30 s), so a
    // wait that gives up says what it waited for, and a busy machine fails nothing.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // A worker runs many files without re-importing Prisma, Bolt and the app for each (that import cost as much as
    // the tests). Files stay apart all the same: each starts its own app, database and Slack stand-in, and nothing
    // in src keeps process-wide state (metrics registries, caches and clients belong to an app).
    isolate: false,
  },
});

import { defineConfig } from "vitest/config";

// `npm test` runs every test on SQLite; with TEST_DATABASE_URL (a PostgreSQL server URL) it runs them all again
// on PostgreSQL, each test app in a database of its own that is dropped afterwards.
const providers = ["sqlite", ...(process.env.TEST_DATABASE_URL ? ["postgresql"] : [])];

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
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});

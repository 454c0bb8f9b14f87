// Prisma CLI configuration. The JS schema engine (`engine: "js"`) runs migrations through a driver adapter,
// so no Prisma command downloads a native engine: installs and migrations work air-gapped.
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./src/db/migration-adapter.js";
import { databaseTarget } from "./src/db/target.js";

const target = databaseTarget(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  schema: target.schemaPath,
  migrations: { path: target.migrationsPath },
  engine: "js",
  adapter: async () => migrationAdapter(target),
});

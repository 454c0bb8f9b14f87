// `npm run db:migrate`: applies pending migrations to DATABASE_URL (the app also does this when it starts).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { prismaCli } from "./prisma-cli.mjs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const result = spawnSync(process.execPath, ["-r", "./prisma/scripts/unref-long-timers.cjs", prismaCli, "migrate", "deploy"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);

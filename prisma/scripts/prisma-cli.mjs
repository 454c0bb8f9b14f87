// Runs the project's own Prisma CLI (never a global or downloaded one).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
export const prismaCli = require.resolve("prisma/build/index.js");

/** Runs `prisma <args>`; returns stdout, or exits with Prisma's own message on failure. */
export function prisma(args, { env = {}, capture = false, allowFailure = false } = {}) {
  const result = spawnSync(process.execPath, [prismaCli, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (result.status !== 0 && !allowFailure) {
    if (capture) process.stderr.write(result.stderr ?? "");
    process.exit(result.status ?? 1);
  }
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

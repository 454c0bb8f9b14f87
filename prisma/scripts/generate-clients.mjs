// Generates both Prisma clients (SQLite and PostgreSQL) so that either DATABASE_URL works after `npm install`.
// Runs as npm's postinstall; Prisma refuses a driver adapter of another provider, hence two clients.
import { prisma } from "./prisma-cli.mjs";

for (const provider of ["sqlite", "postgresql"]) {
  prisma(["generate", "--schema", `prisma/${provider}/schema.prisma`], { capture: true });
}
console.log("baton: generated Prisma clients for SQLite and PostgreSQL");

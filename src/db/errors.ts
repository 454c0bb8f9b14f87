/** Prisma's "unique constraint failed" (P2002): the database refused a duplicate, which callers often expect. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** The database could not be reached or timed out (connection refused, pool timeout, SQLite busy). */
export function isUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && ["P1001", "P1002", "P1008", "P1017", "P2024"].includes(code)) return true;
  return (
    typeof message === "string" &&
    /ECONNREFUSED|ETIMEDOUT|Connection terminated|timeout exceeded|database is locked|SocketTimeout/i.test(message)
  );
}

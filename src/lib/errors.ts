/** Failures a person can act on. The Slack layer maps each code to what the person sees (src/slack/errors.ts). */
export type ErrorCode = "invalid_input" | "not_found" | "forbidden" | "conflict" | "illegal_transition" | "not_configured" | "unavailable";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field-level problems for modals: block or field name -> message. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** The database could not be reached or timed out (connection refused, pool timeout, SQLite busy). */
export function isUnavailableError(error: unknown): boolean {
  if (isAppError(error)) return error.code === "unavailable";
  if (typeof error !== "object" || error === null) return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && ["P1001", "P1002", "P1008", "P1017", "P2024"].includes(code)) return true;
  return (
    typeof message === "string" &&
    /ECONNREFUSED|ETIMEDOUT|Connection terminated|timeout exceeded|database is locked|SocketTimeout/i.test(message)
  );
}

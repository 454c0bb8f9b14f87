/** Failures a person can act on. The Slack layer maps each code to what the person sees (src/slack/errors.ts). */
export type ErrorCode =
  | "invalid_input"
  | "not_found"
  | "forbidden"
  | "conflict"
  | "illegal_transition"
  | "not_configured"
  | "unavailable"
  /** Slack did not answer a lookup Baton needs before it can answer (who is an admin, a guest). */
  | "slack_unavailable";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field-level problems for modals: block or field name -> message. */
    readonly fields: Record<string, string> = {},
    /** What refused, for records and logs (e.g. Slack's error code when Slack refuses to post); never shown. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/**
 * PostgreSQL error codes that mean "not now" rather than "never": connection trouble (08), server shutting down or
 * refusing (57P, 53), a statement or lock timeout (57014, 55P03), a database that is gone or closed to connections
 * (3D000, 55000 "not currently accepting connections"), and conflicts worth retrying (40001, 40P01).
 */
const PG_TRANSIENT = /^(08|57P|53)|^(57014|55P03|3D000|55000|40001|40P01)$/;

/**
 * Two transactions each waited for the other's rows (PostgreSQL's deadlock, 40P01) or a serialization failure
 * (40001): the database rolled one back, and running it again is safe.
 */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { message, cause } = error as { message?: unknown; cause?: unknown };
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === "40P01" || code === "40001") return true;
  return typeof message === "string" && /deadlock detected|could not serialize access/i.test(message);
}

/** The database could not be reached, was too slow, or is locked (connection refused, pool or lock timeout). */
export function isUnavailableError(error: unknown): boolean {
  if (isAppError(error)) return error.code === "unavailable";
  if (typeof error !== "object" || error === null) return false;
  const { code, name, message, cause } = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if (name === "PrismaClientInitializationError") return true;
  if (typeof code === "string" && ["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"].includes(code)) return true;
  const driver = cause as { kind?: unknown; code?: unknown } | undefined;
  if (driver?.kind === "postgres" && typeof driver.code === "string" && PG_TRANSIENT.test(driver.code)) return true;
  return (
    typeof message === "string" &&
    /ECONNREFUSED|ETIMEDOUT|ECONNRESET|Connection terminated|timeout exceeded|database is locked|SocketTimeout|not currently accepting connections|statement timeout|lock timeout/i.test(
      message,
    )
  );
}

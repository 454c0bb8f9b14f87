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

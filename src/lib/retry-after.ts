/**
 * How long the far side asked Baton to wait before trying again, in ms, when it said: a Slack 429's Retry-After,
 * which the Web API client carries as `retryAfter` (seconds) on the error it throws for background work
 * (src/slack/client-options.ts). Undefined for every other failure.
 */
export function retryAfterMsOf(error: unknown): number | undefined {
  const seconds = (error as { retryAfter?: unknown } | null | undefined)?.retryAfter;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

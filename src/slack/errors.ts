// The one place that turns failures into what a person sees in Slack.
import type { RespondFn } from "@slack/bolt";
import { isAppError, isUnavailableError } from "../lib/errors.js";

const SORRY =
  "Sorry, something went wrong on Baton's side and nothing was changed. Please try again in a minute; if it keeps happening, tell your Baton admin.";
const UNAVAILABLE = "Baton can't reach its database right now, so nothing was changed. Please try again in a minute.";

export function messageFor(error: unknown): string {
  if (isUnavailableError(error)) return UNAVAILABLE;
  if (isAppError(error)) return `:warning: ${error.message}`;
  return SORRY;
}

/** Inline modal errors (`response_action: "errors"`) for an AppError that names fields, else undefined. */
export function viewErrorsFor(error: unknown): Record<string, string> | undefined {
  return isAppError(error) && Object.keys(error.fields).length > 0 ? error.fields : undefined;
}

/**
 * Runs a listener's work after its ack. An AppError becomes an ephemeral reply the person can act on; anything
 * else gets a short apology and is rethrown so app.error logs it with the request's correlation id.
 */
export async function replyOnError(respond: RespondFn, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    await respond({ response_type: "ephemeral", replace_original: false, text: messageFor(error) }).catch(() => undefined);
    if (!isAppError(error)) throw error;
  }
}

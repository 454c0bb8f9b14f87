// The one place that turns failures into what a person sees in Slack.
import type { RespondFn } from "@slack/bolt";
import { type AppError, isAppError } from "../lib/errors.js";

const SORRY = "Sorry, something went wrong on Baton's side. Please try again in a minute; if it keeps happening, tell your Baton admin.";
const UNAVAILABLE = "Baton can't reach its database right now, so nothing was changed. Please try again in a minute.";

export function messageFor(error: unknown): string {
  if (isAppError(error)) return error.code === "unavailable" ? UNAVAILABLE : `:warning: ${error.message}`;
  return SORRY;
}

/** Inline modal errors for `response_action: "errors"`, keyed by block id. */
export function viewErrors(error: AppError): Record<string, string> {
  return Object.keys(error.fields).length > 0 ? error.fields : {};
}

export async function respondWithError(respond: RespondFn, error: unknown): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text: messageFor(error) });
}

// The one place that turns failures into what a person sees in Slack.
import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { isAppError, isUnavailableError } from "../lib/errors.js";
import { infoModal } from "./blocks/info-modal.js";

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
 * Runs work a person asked for and tells them when it fails, with `tell`: an AppError says what they can do about
 * it; anything else gets a short apology and is rethrown so app.error logs it with the request's correlation id.
 */
export async function tellOnError(tell: (text: string) => Promise<unknown>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // Telling can fail too (the response_url expired, the trigger was used): app.error then logs why, unless it
    // already logs the original failure, which matters more.
    await tell(messageFor(error)).catch((untold: unknown) => {
      if (isAppError(error)) throw untold;
    });
    if (!isAppError(error)) throw error;
  }
}

/** tellOnError with an ephemeral reply under the command or message the person used. */
export function replyOnError(respond: RespondFn, work: () => Promise<void>): Promise<void> {
  return tellOnError((text) => respond({ response_type: "ephemeral", replace_original: false, text }), work);
}

/** Where a click came from, to answer it: under a message (respond), or over a modal / the App Home (a small modal). */
export interface ClickOrigin {
  respond?: RespondFn;
  client: WebClient;
  triggerId?: string;
  inModal: boolean;
}

export function clickOrigin(args: { respond?: RespondFn; client: WebClient; body: unknown }): ClickOrigin {
  const body = args.body as { response_url?: string; trigger_id?: string; view?: { type?: string } };
  return {
    ...(body.response_url && args.respond ? { respond: args.respond } : {}),
    client: args.client,
    ...(body.trigger_id ? { triggerId: body.trigger_id } : {}),
    inModal: body.view?.type === "modal",
  };
}

/**
 * Like replyOnError, for clicks anywhere: under a message the person gets an ephemeral reply; in a modal or the App
 * Home (no response_url there) a small modal says what went wrong.
 */
export function answerOnError(origin: ClickOrigin, work: () => Promise<void>): Promise<void> {
  if (origin.respond) return replyOnError(origin.respond, work);
  const { client, triggerId } = origin;
  const open = origin.inModal ? client.views.push : client.views.open;
  const tell = async (text: string) => {
    if (triggerId) await open.call(client.views, { trigger_id: triggerId, view: infoModal("Baton", text) });
  };
  return tellOnError(tell, work);
}

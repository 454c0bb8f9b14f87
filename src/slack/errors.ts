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
export async function answerOnError(origin: ClickOrigin, work: () => Promise<void>): Promise<void> {
  if (origin.respond) return replyOnError(origin.respond, work);
  try {
    await work();
  } catch (error) {
    if (origin.triggerId) {
      const view = infoModal("Baton", messageFor(error));
      const open = origin.inModal ? origin.client.views.push : origin.client.views.open;
      await open.call(origin.client.views, { trigger_id: origin.triggerId, view }).catch(() => undefined);
    }
    if (!isAppError(error)) throw error;
  }
}

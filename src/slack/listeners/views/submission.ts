import type { AckFn, ViewResponseAction } from "@slack/bolt";
import { isAppError } from "../../../lib/errors.js";
import { messageFor, viewErrorsFor } from "../../errors.js";

export type SubmissionOutcome<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs a modal submission's work before the ack, so problems show inline and the modal stays open with what
 * the person typed: an AppError's fields under their inputs, any other failure under `fallbackBlock` (and
 * rethrown so app.error logs it). On success the caller acks (close, or update to a confirmation).
 */
export async function runSubmission<T>(
  ack: AckFn<ViewResponseAction>,
  fallbackBlock: string,
  work: () => Promise<T>,
): Promise<SubmissionOutcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    const errors = viewErrorsFor(error) ?? { [fallbackBlock]: messageFor(error).replace(/^:warning: /, "") };
    await ack({ response_action: "errors", errors });
    if (!isAppError(error)) throw error;
    return { ok: false };
  }
}

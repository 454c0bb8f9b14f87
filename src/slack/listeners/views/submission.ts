// Every modal submission goes through runSubmission: one way to check, save, answer and carry on.
import type { AckFn, ViewResponseAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { isAppError } from "../../../lib/errors.js";
import { messageFor, viewErrorsFor } from "../../errors.js";

export interface Submission<T> {
  /** The input block that shows a failure naming no field (usually the form's first). */
  fallbackBlock: string;
  /**
   * Reads, validates and saves, before the ack and so within Slack's 3 seconds: any failure keeps the modal open
   * with what the person typed, an AppError's fields under their inputs and anything else under `fallbackBlock`.
   */
  save: () => Promise<T>;
  /** What the modal turns into once saved: a confirmation; without it the modal closes. */
  confirmation?: (saved: T) => ModalView;
  /** Slower work after the ack (announcements, refreshed views and cards); a failure reaches app.error. */
  afterAck?: (saved: T) => Promise<void>;
}

/** Inline errors for a failed save: a message under each field it names, else under the fallback block. */
function inlineErrors(error: unknown, fallbackBlock: string): Record<string, string> {
  return viewErrorsFor(error) ?? { [fallbackBlock]: messageFor(error).replace(/^:warning: /, "") };
}

export async function runSubmission<T>(ack: AckFn<ViewResponseAction>, submission: Submission<T>): Promise<void> {
  let saved: T;
  try {
    saved = await submission.save();
  } catch (error) {
    await ack({ response_action: "errors", errors: inlineErrors(error, submission.fallbackBlock) });
    if (isAppError(error)) return;
    throw error;
  }
  const confirmation = submission.confirmation?.(saved);
  await (confirmation ? ack({ response_action: "update", view: confirmation }) : ack());
  await submission.afterAck?.(saved);
}

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
  /**
   * The input blocks the submitted view has, for a form in steps: a failure naming a field of another step goes
   * under `fallbackBlock` (Slack refuses errors for blocks the view doesn't have). Absent: every field is shown.
   */
  shownBlocks?: readonly string[];
  /** What the modal turns into once saved: a confirmation; without it the modal closes. */
  confirmation?: (saved: T) => ModalView;
  /** Slower work after the ack (announcements, refreshed views and cards); a failure reaches app.error. */
  afterAck?: (saved: T) => Promise<void>;
}

/** Inline errors for a failed save: a message under each field it names, else under the fallback block. */
function inlineErrors(error: unknown, fallbackBlock: string, shown: readonly string[] | undefined): Record<string, string> {
  const errors = viewErrorsFor(error) ?? { [fallbackBlock]: messageFor(error).replace(/^:warning: /, "") };
  if (!shown) return errors;
  const here = Object.entries(errors).filter(([block]) => shown.includes(block));
  const elsewhere = Object.entries(errors).filter(([block]) => !shown.includes(block));
  if (elsewhere.length === 0) return errors;
  const previous = `On the previous step (press Back): ${elsewhere.map(([, message]) => message).join(" ")}`;
  const fallback = here.find(([block]) => block === fallbackBlock)?.[1];
  return { ...Object.fromEntries(here), [fallbackBlock]: fallback ? `${fallback} ${previous}` : previous };
}

export async function runSubmission<T>(ack: AckFn<ViewResponseAction>, submission: Submission<T>): Promise<void> {
  let saved: T;
  try {
    saved = await submission.save();
  } catch (error) {
    await ack({ response_action: "errors", errors: inlineErrors(error, submission.fallbackBlock, submission.shownBlocks) });
    if (isAppError(error)) return;
    throw error;
  }
  const confirmation = submission.confirmation?.(saved);
  await (confirmation ? ack({ response_action: "update", view: confirmation }) : ack());
  await submission.afterAck?.(saved);
}

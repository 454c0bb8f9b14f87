import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { isAppError } from "../../../lib/errors.js";
import { messageFor } from "../../errors.js";
import type { BatonContext } from "../../listener-deps.js";

export type StepArgs = SlackEventMiddlewareArgs<"function_executed"> & AllMiddlewareArgs<BatonContext>;

/** A step's outputs by output name; absent optional outputs are left out. */
export type StepOutputs = Record<string, string | boolean>;

/**
 * Runs one Workflow Builder step and ends it once: `complete` with its outputs, or `fail` with a message the
 * workflow's builder can act on (shown in the workflow's activity); an unexpected failure also reaches app.error.
 */
export async function runStep(args: StepArgs, work: () => Promise<StepOutputs>, after?: () => Promise<void>): Promise<void> {
  let outputs: StepOutputs;
  try {
    outputs = await work();
  } catch (error) {
    await args.fail({ error: messageFor(error).replace(/^:warning: /, "") });
    if (isAppError(error)) return;
    throw error;
  }
  await args.complete({ outputs });
  await after?.();
}

/** Only the outputs that have a value (Slack refuses null for a typed output). */
export function present(outputs: Record<string, string | boolean | null | undefined>): StepOutputs {
  return Object.fromEntries(Object.entries(outputs).filter(([, value]) => value !== null && value !== undefined)) as StepOutputs;
}

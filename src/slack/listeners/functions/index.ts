import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from "@slack/bolt";
import { WorkflowSteps } from "../../ids.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { findLeadStep } from "./find-lead.js";
import { handOffLeadStep } from "./hand-off-lead.js";
import { logLeadStep } from "./log-lead.js";
import type { StepArgs } from "./run-step.js";

/** app.function does not carry Bolt's custom context type, which Baton's middleware has put on every request. */
const withBatonContext =
  (listener: (args: StepArgs) => Promise<void>) => (args: SlackEventMiddlewareArgs<"function_executed"> & AllMiddlewareArgs) =>
    listener(args as StepArgs);

/** Workflow Builder steps (function_executed events); Bolt acknowledges each before the listener runs. */
export function registerFunctions(app: App, deps: ListenerDeps): void {
  app.function(WorkflowSteps.logLead, withBatonContext(logLeadStep(deps)));
  app.function(WorkflowSteps.handOffLead, withBatonContext(handOffLeadStep(deps)));
  app.function(WorkflowSteps.findLead, withBatonContext(findLeadStep(deps)));
}

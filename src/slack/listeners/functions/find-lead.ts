import type { ListenerDeps } from "../../listener-deps.js";
import { present, runStep, type StepArgs } from "./run-step.js";

/** The "Find a lead" step: outputs found, and for a lead found its stage, owner (a person) and campaign. */
export function findLeadStep(deps: ListenerDeps) {
  return async (args: StepArgs) => {
    await runStep(args, async () => {
      const lead = await deps.services.workflowSteps.findLead(args.context.teamId, args.inputs);
      if (!lead.found) return { found: false };
      return present({ found: true, stage: lead.stage, owner: lead.ownerId, campaign: lead.campaignName });
    });
  };
}

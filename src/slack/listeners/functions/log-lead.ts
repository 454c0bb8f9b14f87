import type { ListenerDeps } from "../../listener-deps.js";
import { present, runStep, type StepArgs } from "./run-step.js";

/** The "Log a lead" step: outputs lead_id, created_or_updated ("created" or "updated") and fit_grade when graded. */
export function logLeadStep(deps: ListenerDeps) {
  return async (args: StepArgs) => {
    let announce: (() => Promise<void>) | undefined;
    await runStep(
      args,
      async () => {
        const logged = await deps.services.workflowSteps.logLead(args.context.teamId, args.inputs);
        announce = logged.announce;
        const { lead, created } = logged.saved;
        return present({ lead_id: lead.id, created_or_updated: created ? "created" : "updated", fit_grade: lead.fitGrade });
      },
      async () => announce?.(),
    );
  };
}

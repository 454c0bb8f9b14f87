import type { ListenerDeps } from "../../listener-deps.js";
import { present, runStep, type StepArgs } from "./run-step.js";

/** The "Hand off a lead" step: outputs handoff_id and card_permalink (the card in the sales channel). */
export function handOffLeadStep(deps: ListenerDeps) {
  return async (args: StepArgs) => {
    await runStep(args, async () => {
      const card = await deps.services.workflowSteps.handOff(args.context.teamId, args.inputs);
      const permalink = card.messageTs
        ? (await args.client.chat.getPermalink({ channel: card.channelId, message_ts: card.messageTs })).permalink
        : undefined;
      return present({ handoff_id: card.handoffId, card_permalink: permalink });
    });
  };
}

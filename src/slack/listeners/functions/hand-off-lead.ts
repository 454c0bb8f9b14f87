import type { WebClient } from "@slack/web-api";
import type { HandoffCard } from "../../../domain/ports.js";
import type { Logger } from "../../../lib/logger.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { present, runStep, type StepArgs } from "./run-step.js";

/** The "Hand off a lead" step: outputs handoff_id and card_permalink (the card in the sales channel). */
export function handOffLeadStep(deps: ListenerDeps) {
  return async (args: StepArgs) => {
    await runStep(args, async () => {
      const card = await deps.services.workflowSteps.handOff(args.context.teamId, args.inputs);
      return present({ handoff_id: card.handoffId, card_permalink: await cardLink(args.client, card, args.context.log) });
    });
  };
}

/** The card's link; the handoff is made either way, so a link Slack won't give leaves only that output out. */
async function cardLink(client: WebClient, card: HandoffCard, log: Logger): Promise<string | undefined> {
  if (!card.messageTs) return undefined;
  try {
    return (await client.chat.getPermalink({ channel: card.channelId, message_ts: card.messageTs })).permalink;
  } catch (error) {
    log.warn({ err: error, handoffId: card.handoffId }, "no permalink for a handoff card: the step completes without it");
    return undefined;
  }
}

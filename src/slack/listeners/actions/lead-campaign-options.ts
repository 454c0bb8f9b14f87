import type { SlackOptionsMiddlewareArgs } from "@slack/bolt";
import { Limits, plain, truncate } from "../../blocks/text.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

/**
 * The lead modal's source campaign select (external_select): the workspace's campaigns whose name contains what the
 * person typed, active ones first, at most 100. The options must come back in the ack, within 3 seconds.
 */
export function campaignOptions(deps: ListenerDeps) {
  return async ({ ack, body, context }: WithContext<SlackOptionsMiddlewareArgs<"block_suggestion">>) => {
    try {
      const choices = await deps.services.leads.campaignChoices(context.teamId, body.value ?? "");
      await ack({
        options: choices.slice(0, Limits.selectOptions).map((c) => ({
          text: plain(c.active ? truncate(c.name, Limits.optionText) : truncate(`${c.name} (ended)`, Limits.optionText), Limits.optionText),
          value: c.id,
        })),
      });
    } catch (error) {
      context.log.error({ err: error }, "campaign options failed");
      await ack({ options: [] });
    }
  };
}

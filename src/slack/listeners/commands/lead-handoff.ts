import { handedOffMessage } from "../../blocks/handed-off.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

/** `/lead handoff <email>`: hands that lead to sales, as the button does. */
export function leadHandoffSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, body, context, respond }, text) => {
    await ack();
    await replyOnError(respond, async () => {
      const lead = await deps.services.leads.requireByEmail(context.teamId, text, body.user_id, "hand off a lead someone else logged");
      const { card } = await deps.services.handoffs.handOff(context.teamId, lead.id, body.user_id);
      await respond({ response_type: "ephemeral", ...handedOffMessage(card) });
    });
  };
}

import { FIND_LIMIT } from "../../../domain/leads/leads.js";
import { findResultsMessage } from "../../blocks/find-results.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

/** `/lead find <text>`: up to ten leads whose name, email or company contains the text, with an Open button each. */
export function leadFindSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, body, context, respond }, text) => {
    await ack();
    await replyOnError(respond, async () => {
      const leads = await deps.services.leads.find(context.teamId, text, body.user_id);
      await respond({ response_type: "ephemeral", ...findResultsMessage(text, leads, FIND_LIMIT) });
    });
  };
}

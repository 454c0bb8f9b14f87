import { handedOffMessage } from "../../blocks/handed-off.js";
import { leadCardModal } from "../../blocks/lead-card.js";
import { answerOnError, clickOrigin } from "../../errors.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { ButtonArgs } from "./types.js";

/** "Hand off to sales" (value: the lead id), under a confirmation or on the lead's card. */
export function handOffAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body, client, context, respond } = args;
    await ack();
    const origin = clickOrigin(args);
    await answerOnError(origin, async () => {
      const { card } = await deps.services.handoffs.handOff(context.teamId, action.value ?? "", body.user.id);
      if (origin.respond) await respond({ response_type: "ephemeral", replace_original: false, ...handedOffMessage(card) });
      else if (origin.inModal && body.view) {
        const view = await deps.services.leads.view(context.teamId, card.lead.id, body.user.id);
        await client.views.update({ view_id: body.view.id, view: leadCardModal(view, body.user.id) });
      }
      if (body.view?.type === "home") await refreshHome(deps, client, context.teamId, body.user.id); // Re-qualify there
    });
  };
}

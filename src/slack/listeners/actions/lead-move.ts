import { stageLabel } from "../../../domain/labels.js";
import { lostModal, type MoveModalMetadata, wonModal } from "../../blocks/deal-modals.js";
import { leadCardModal, summaryFieldsOf } from "../../blocks/lead-card.js";
import { leadHeadline } from "../../blocks/lead-summary.js";
import { answerOnError, clickOrigin } from "../../errors.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { ButtonArgs } from "./types.js";

/** "Opportunity" (value: the lead id): the owner moves the lead on, from its card, the App Home or a message. */
export function toOpportunityAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body, client, context, respond } = args;
    await ack();
    const origin = clickOrigin(args);
    await answerOnError(origin, async () => {
      const lead = await deps.services.leads.move(context.teamId, action.value ?? "", body.user.id, { to: "opportunity" });
      if (origin.inModal && body.view) {
        const view = await deps.services.leads.view(context.teamId, lead.id, body.user.id);
        await client.views.update({ view_id: body.view.id, view: leadCardModal(view, body.user.id) });
      } else if (origin.respond) {
        await respond({
          response_type: "ephemeral",
          replace_original: false,
          text: `Moved ${leadHeadline(summaryFieldsOf(lead))} to ${stageLabel(lead.stage)}.`,
        });
      }
      await refreshHome(deps, client, context.teamId, body.user.id);
    });
  };
}

/** "Won…" and "Lost…" (value: the lead id): a modal asks for the deal value, or the reason. */
export function dealModalAction(deps: ListenerDeps, outcome: "won" | "lost") {
  return async (args: ButtonArgs) => {
    const { ack, action, body, client, context } = args;
    await ack();
    const origin = clickOrigin(args);
    await answerOnError(origin, async () => {
      const { lead } = await deps.services.leads.forChange(
        context.teamId,
        action.value ?? "",
        body.user.id,
        "record a deal on a lead someone else logged",
      );
      const metadata: MoveModalMetadata = {
        leadId: lead.id,
        ...(origin.inModal && body.view ? { cardViewId: body.view.id } : {}),
        ...(body.channel?.id ? { channelId: body.channel.id } : {}),
      };
      const headline = leadHeadline(summaryFieldsOf(lead));
      const view =
        outcome === "won"
          ? wonModal(metadata, headline, (await deps.services.workspaces.get(context.teamId)).currency)
          : lostModal(metadata, headline);
      if (origin.inModal) await client.views.push({ trigger_id: body.trigger_id, view });
      else await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}

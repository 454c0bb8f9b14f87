import { validInput } from "../../../domain/form-errors.js";
import { stageLabel } from "../../../domain/labels.js";
import { dealInputSchema, lostInputSchema, type MoveDetails } from "../../../domain/leads/move-lead.js";
import type { MoveModalMetadata } from "../../blocks/deal-modals.js";
import { leadCardModal, summaryFieldsOf } from "../../blocks/lead-card.js";
import { leadHeadline } from "../../blocks/lead-summary.js";
import { notice } from "../../blocks/notice.js";
import { type Form, metadataOf, readForm } from "../../forms.js";
import { refreshHome } from "../../home/publish-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { tellPerson } from "../../tell.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

function moveOf(outcome: "won" | "lost", form: Form): MoveDetails {
  if (outcome === "won")
    return { to: "won", ...validInput(dealInputSchema, { amount: form.one("amount"), currency: form.one("currency") }) };
  return { to: "lost", reason: validInput(lostInputSchema, { reason: form.one("reason") }).reason };
}

/**
 * Submitting the Won (value and currency) or Lost (reason) modal: validated inline; the move itself is quick, so
 * a refusal (not the owner, moved meanwhile) is also shown inline. Then the card underneath and the App Home update.
 */
export function dealSubmission(deps: ListenerDeps, outcome: "won" | "lost") {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const metadata = metadataOf<MoveModalMetadata>(view.private_metadata);
    const userId = body.user.id;
    await runSubmission(ack, {
      fallbackBlock: outcome === "won" ? "amount" : "reason",
      save: async () =>
        deps.services.leads.move(context.teamId, metadata.leadId ?? "", userId, moveOf(outcome, readForm(view.state.values))),
      afterAck: async (moved) => {
        if (metadata.cardViewId) {
          const card = leadCardModal(await deps.services.leads.view(context.teamId, moved.id, userId), userId);
          await client.views.update({ view_id: metadata.cardViewId, view: card }).catch((error: unknown) => {
            // The move is saved and the Home below shows it; the card may have been closed meanwhile.
            context.log.info({ err: error, leadId: moved.id }, "could not refresh the lead card after a move");
          });
        } else if (metadata.channelId) {
          const text = `Moved ${leadHeadline(summaryFieldsOf(moved))} to ${stageLabel(moved.stage)}.`;
          await tellPerson(client, userId, metadata.channelId, notice(text));
        }
        await refreshHome(deps, client, context.teamId, userId);
      },
    });
  };
}

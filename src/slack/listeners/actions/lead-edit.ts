import { AppError } from "../../../lib/errors.js";
import { leadFormValues } from "../../blocks/lead-form-values.js";
import { leadModal } from "../../blocks/lead-modal.js";
import { answerOnError, clickOrigin } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { ButtonArgs } from "./types.js";

/** "Edit" (value: the lead id): the lead modal, filled in. */
export function editLeadAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    const { ack, action, body, client, context } = args;
    await ack();
    const origin = clickOrigin(args);
    await answerOnError(origin, async () => {
      const [{ lead, campaignName }, gradedByIcp] = await Promise.all([
        deps.services.leads.forChange(context.teamId, action.value ?? "", body.user.id, "edit a lead someone else logged"),
        deps.services.playbook.hasIcp(context.teamId),
      ]);
      if (lead.erasedAt) throw new AppError("conflict", "This lead's personal data was erased, so it can't be edited.");
      const view = leadModal(
        leadFormValues(lead, campaignName),
        { leadId: lead.id, ...(body.channel?.id ? { channelId: body.channel.id } : {}) },
        { gradedByIcp },
      );
      if (origin.inModal) await client.views.push({ trigger_id: body.trigger_id, view });
      else await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}

import { forgetModal } from "../../blocks/forget-modal.js";
import { summaryFieldsOf } from "../../blocks/lead-card.js";
import { leadSummaryText } from "../../blocks/lead-summary.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

/** `/lead forget <email>`: for Baton admins, a modal that confirms erasing the person's personal data. */
export function leadForgetSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, body, client, context, respond }, text) => {
    await ack();
    await replyOnError(respond, async () => {
      await deps.services.roles.requireAdmin(context.teamId, body.user_id, "erase a lead's personal data");
      const lead = await deps.services.leads.requireByEmail(context.teamId, text, body.user_id, "erase a lead");
      const summary = leadSummaryText(summaryFieldsOf(lead), null);
      await client.views.open({ trigger_id: body.trigger_id, view: forgetModal({ leadId: lead.id, channelId: body.channel_id }, summary) });
    });
  };
}

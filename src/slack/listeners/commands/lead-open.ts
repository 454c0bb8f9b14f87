import { leadFormValues } from "../../blocks/lead-form-values.js";
import { leadModal } from "../../blocks/lead-modal.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

const USAGE =
  "Use `/lead` to log a lead, `/lead jane@acme.com` to log or open the lead with that email, `/lead find <text>`, `/lead handoff <email>` or `/lead forget <email>`.";

const looksLikeEmail = (text: string) => /^\S+@\S+$/.test(text);

/**
 * `/lead` and `/lead <email>`: opens the lead modal, empty, with the email filled in, or (when a lead has that email)
 * as an edit of that lead, so nobody makes a duplicate.
 */
export function leadModalCommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, body, client, context, respond }, text) => {
    if (text && !looksLikeEmail(text)) {
      await ack({ response_type: "ephemeral", text: `I don't know \`/lead ${text}\`. ${USAGE}` });
      return;
    }
    await ack();
    await replyOnError(respond, async () => {
      const channelId = body.channel_id;
      const existing = text ? await deps.services.leads.toEdit(context.teamId, text, body.user_id) : null;
      if (!existing || existing.erasedAt) {
        await client.views.open({ trigger_id: body.trigger_id, view: leadModal({ email: text || null }, { channelId }) });
        return;
      }
      const campaign = await deps.services.leads.campaignName(context.teamId, existing.campaignId);
      const view = leadModal(leadFormValues(existing, campaign), { leadId: existing.id, channelId });
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}

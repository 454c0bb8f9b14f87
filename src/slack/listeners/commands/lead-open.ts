import { closestTo } from "../../../lib/closest.js";
import { leadFormValues } from "../../blocks/lead-form-values.js";
import { leadModal } from "../../blocks/lead-modal.js";
import { unknownCommandMessage } from "../../blocks/unknown-command.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

const SUBCOMMANDS = ["find", "handoff", "forget", "import", "export"] as const;
const MORE = "`/lead` logs a lead, `/lead jane@acme.com` opens one; `/baton help` lists the rest.";

const looksLikeEmail = (text: string) => /^\S+@\S+$/.test(text);

/**
 * `/lead` and `/lead <email>`: opens the lead modal, empty, with the email filled in, or (when a lead has that email)
 * as an edit of that lead, so nobody makes a duplicate.
 */
export function leadModalCommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, body, client, context, respond }, text) => {
    if (text && !looksLikeEmail(text)) {
      const close = closestTo(text.split(/\s+/)[0] ?? "", SUBCOMMANDS);
      const rest = text.split(/\s+/).slice(1).join(" ");
      const suggestion = close ? `/lead ${close}${rest ? ` ${rest}` : ""}` : undefined;
      await ack({
        response_type: "ephemeral",
        ...unknownCommandMessage(`/lead ${text}`, { ...(suggestion ? { suggestion } : {}), more: MORE }),
      });
      return;
    }
    await ack();
    await replyOnError(respond, async () => {
      const channelId = body.channel_id;
      const [existing, gradedByIcp] = await Promise.all([
        text ? deps.services.leads.toEdit(context.teamId, text, body.user_id) : null,
        deps.services.playbook.hasIcp(context.teamId),
      ]);
      if (!existing || existing.erasedAt) {
        await client.views.open({ trigger_id: body.trigger_id, view: leadModal({ email: text || null }, { channelId }, { gradedByIcp }) });
        return;
      }
      const campaign = await deps.services.leads.campaignName(context.teamId, existing.campaignId);
      const view = leadModal(leadFormValues(existing, campaign), { leadId: existing.id, channelId }, { gradedByIcp });
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  };
}

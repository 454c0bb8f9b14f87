import type { GlobalShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import { leadModal } from "../../blocks/lead-modal.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

type GlobalShortcutArgs = WithContext<SlackShortcutMiddlewareArgs<GlobalShortcut>>;

/**
 * "Log a lead" from the shortcuts menu: the empty lead form, as `/lead` opens it. There is no channel, so the
 * confirmation comes by DM.
 */
export function logLeadShortcut(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: GlobalShortcutArgs) => {
    await ack();
    const gradedByIcp = await deps.services.playbook.hasIcp(context.teamId);
    await client.views.open({ trigger_id: body.trigger_id, view: leadModal({ email: null }, {}, { gradedByIcp }) });
  };
}

import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { settingsSections } from "../../settings/index.js";

/** An Edit button in the settings home: pushes that section's modal, for admins only. */
export function settingsSectionAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    const section = settingsSections.find((s) => s.key === action.value);
    if (!section) return;
    await deps.services.roles.requireAdmin(context.teamId, body.user.id, "change settings");
    await section.open({ client, teamId: context.teamId, userId: body.user.id, deps, triggerId: body.trigger_id });
  };
}

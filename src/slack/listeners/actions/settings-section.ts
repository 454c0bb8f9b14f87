import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { settingsSections } from "../../settings/index.js";

function opensInsteadOfPushing(client: WebClient): WebClient {
  const views = { ...client.views, push: client.views.open };
  return new Proxy(client, { get: (target, key, receiver) => (key === "views" ? views : Reflect.get(target, key, receiver)) });
}

/** An Edit button in the settings home (or the App Home's checklist): that section's modal, for admins only. */
export function settingsSectionAction(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>) => {
    await ack();
    const section = settingsSections.find((s) => s.key === action.value);
    if (!section) return;
    await deps.services.roles.requireAdmin(context.teamId, body.user.id, "change settings");
    // From the App Home's setup checklist there is no settings modal to push the section onto: it opens as the first.
    const opener = body.view?.type === "home" ? opensInsteadOfPushing(client) : client;
    await section.open({ client: opener, teamId: context.teamId, userId: body.user.id, deps, triggerId: body.trigger_id });
  };
}

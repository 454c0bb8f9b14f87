import type { SlackEventMiddlewareArgs } from "@slack/bolt";
import { publishHome } from "../../home/publish-home.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

/** Opening Baton's Home tab publishes the person's leads, waiting handoffs and away toggle. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, client, context }: WithContext<SlackEventMiddlewareArgs<"app_home_opened">>) => {
    if (event.tab !== "home") return;
    deps.homeRedraws.drawingNow(context.teamId, event.user);
    await publishHome(deps, client, context.teamId, event.user);
  };
}

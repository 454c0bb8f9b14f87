import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { teamFunnelSection } from "../blocks/funnel.js";
import { homeView } from "../blocks/home.js";
import type { ListenerDeps } from "../context.js";

/** This week's team funnel under the person's own work; the Home still publishes if the figures fail. */
async function teamFunnelThisWeek(deps: ListenerDeps, teamId: string): Promise<KnownBlock[]> {
  try {
    return teamFunnelSection(await deps.services.funnel.report(teamId, ""));
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, "could not compute the team funnel for the App Home");
    return [];
  }
}

/** Publishes one person's App Home: their leads and handoffs, then the team funnel this week. */
export async function publishHome(deps: ListenerDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  const [data, funnel] = await Promise.all([deps.services.home.forUser(teamId, userId), teamFunnelThisWeek(deps, teamId)]);
  await client.views.publish({ user_id: userId, view: homeView(data, userId, funnel) });
}

/** After a change someone made: republish their App Home; a failure is only logged (the change itself stands). */
export async function refreshHome(deps: ListenerDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  try {
    await publishHome(deps, client, teamId, userId);
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, "could not republish the App Home");
  }
}

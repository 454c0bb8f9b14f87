import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Freshness } from "../../domain/funnel/funnel-cache.js";
import { teamFunnelSection } from "../blocks/funnel.js";
import { homeView } from "../blocks/home.js";
import type { ListenerDeps } from "../listener-deps.js";

/**
 * After a click, team figures up to a minute old are good enough for a glance (the section says when they were
 * counted), and spare a recount of the whole week on every Accept when sales is busy.
 */
const REFRESH_FUNNEL_MAX_AGE_MS = 60_000;

/** This week's team funnel under the person's own work; the Home still publishes if the figures fail. */
async function teamFunnelThisWeek(deps: ListenerDeps, teamId: string, freshness: Freshness): Promise<KnownBlock[]> {
  try {
    return teamFunnelSection(await deps.services.funnel.report(teamId, "", freshness));
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, "could not compute the team funnel for the App Home");
    return [];
  }
}

/** Publishes one person's App Home: their leads and handoffs, then the team funnel this week. */
export async function publishHome(
  deps: ListenerDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  freshness: Freshness = {},
): Promise<void> {
  const [data, funnel] = await Promise.all([deps.services.home.forUser(teamId, userId), teamFunnelThisWeek(deps, teamId, freshness)]);
  await client.views.publish({ user_id: userId, view: homeView(data, userId, funnel) });
}

/**
 * After a change someone made: their App Home is redrawn off the request path, once for every change they make
 * within a few seconds (home-redraws.ts). A failure is only logged (the change itself stands).
 */
export async function refreshHome(deps: ListenerDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  deps.homeRedraws.request(teamId, userId, async () => {
    try {
      await publishHome(deps, client, teamId, userId, { maxAgeMs: REFRESH_FUNNEL_MAX_AGE_MS });
    } catch (error) {
      deps.logger.warn({ err: error, teamId }, "could not republish the App Home");
    }
  });
}

import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { homeView } from "../blocks/home.js";
import type { ListenerDeps } from "../context.js";

/** Blocks other areas add to the App Home, after the leads (the team funnel this week). */
export type HomeExtras = (teamId: string, userId: string) => Promise<KnownBlock[]>;

// >>> The spot for other areas' Home sections: the funnel area replaces this with "team funnel this week".
// Every publish (on opening the Home tab and after each change) goes through publishHome, so this is the one place.
const otherAreasSections: HomeExtras = async () => [];

/** Publishes one person's App Home. `extras` is the spot for other areas' sections (e.g. "team funnel this week"). */
export async function publishHome(
  deps: ListenerDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  extras: HomeExtras = otherAreasSections,
): Promise<void> {
  const [data, extraBlocks] = await Promise.all([deps.services.home.forUser(teamId, userId), extras(teamId, userId)]);
  await client.views.publish({ user_id: userId, view: homeView(data, userId, extraBlocks) });
}

/** After a change someone made: republish their App Home; a failure is only logged (the change itself stands). */
export async function refreshHome(deps: ListenerDeps, client: WebClient, teamId: string, userId: string): Promise<void> {
  try {
    await publishHome(deps, client, teamId, userId);
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, "could not republish the App Home");
  }
}

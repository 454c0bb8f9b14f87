import type { WebClient } from "@slack/web-api";
import { settingsHomeView, settingsLoadingView, settingsNotAllowedView } from "../blocks/settings-home.js";
import type { ListenerDeps } from "../listener-deps.js";
import { sectionSummaries } from "./index.js";

/**
 * The settings home as a modal: opened at once (the trigger id lives 3 s), then filled in: the sections for admins,
 * an explanation for anyone else. From `/baton settings` and the App Home's Settings button.
 */
export async function openSettingsHome(deps: ListenerDeps, client: WebClient, triggerId: string, teamId: string, userId: string) {
  const opened = await client.views.open({ trigger_id: triggerId, view: settingsLoadingView() });
  const viewId = opened.view?.id ?? "";
  if (!(await deps.services.roles.isAdmin(teamId, userId))) {
    await client.views.update({ view_id: viewId, view: settingsNotAllowedView() });
    return;
  }
  const ctx = { client, teamId, userId, deps };
  const summaries = await sectionSummaries(ctx);
  await client.views.update({ view_id: viewId, view: settingsHomeView(summaries) });
}

import { settingsHomeView, settingsLoadingView, settingsNotAllowedView } from "../../blocks/settings-home.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { settingsSections } from "../../settings/index.js";
import type { Subcommand } from "./subcommands.js";

/**
 * `/baton settings`: opens the modal at once (the trigger id lives 3 s), then fills it in: the sections for
 * admins, an explanation for anyone else.
 */
export function settingsSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, client, body, context }) => {
    await ack();
    const opened = await client.views.open({ trigger_id: body.trigger_id, view: settingsLoadingView() });
    const viewId = opened.view?.id ?? "";
    if (!(await deps.services.roles.isAdmin(context.teamId, body.user_id))) {
      await client.views.update({ view_id: viewId, view: settingsNotAllowedView() });
      return;
    }
    const ctx = { client, teamId: context.teamId, userId: body.user_id, deps };
    const summaries = await Promise.all(
      settingsSections.map(async (section) => ({ key: section.key, title: section.title, summary: await section.summary(ctx) })),
    );
    await client.views.update({ view_id: viewId, view: settingsHomeView(summaries) });
  };
}

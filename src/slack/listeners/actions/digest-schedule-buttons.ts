// The Add, Edit and Remove buttons of /baton settings → Digests (admins only, checked on every click).
import type { BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { isAppError } from "../../../lib/errors.js";
import { digestsListView, scheduleEditorView } from "../../blocks/digest-settings.js";
import { settingsNotAllowedView } from "../../blocks/settings-home.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

type ButtonArgs = WithContext<SlackActionMiddlewareArgs<BlockButtonAction>>;

async function allowed(deps: ListenerDeps, { body, client, context }: ButtonArgs): Promise<boolean> {
  if (await deps.services.roles.isAdmin(context.teamId, body.user.id)) return true;
  await client.views.push({ trigger_id: body.trigger_id, view: settingsNotAllowedView() });
  return false;
}

/** Opens the editor (empty for Add, filled in for Edit) on top of the list. */
export function digestEditorAction(deps: ListenerDeps, mode: "add" | "edit") {
  return async (args: ButtonArgs) => {
    await args.ack();
    if (!(await allowed(deps, args))) return;
    const { body, client, context, action } = args;
    const [schedule, workspace] = await Promise.all([
      mode === "edit" ? deps.services.digestSchedules.get(context.teamId, action.value ?? "") : Promise.resolve(null),
      deps.services.funnel.context(context.teamId),
    ]);
    const metadata = { scheduleId: schedule?.id ?? null, listViewId: body.view?.id ?? null };
    await client.views.push({ trigger_id: body.trigger_id, view: scheduleEditorView(schedule, { timezone: workspace.zone }, metadata) });
  };
}

/** Removes a schedule (after Slack's confirm dialog) and redraws the list. */
export function digestRemoveAction(deps: ListenerDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    if (!(await allowed(deps, args))) return;
    const { body, client, context, action } = args;
    try {
      await deps.services.digestSchedules.remove(context.teamId, action.value ?? "");
    } catch (error) {
      if (!isAppError(error) || error.code !== "not_found") throw error; // a double click: already gone
    }
    if (body.view?.id) {
      await client.views.update({ view_id: body.view.id, view: digestsListView(await deps.services.digestSchedules.list(context.teamId)) });
    }
  };
}

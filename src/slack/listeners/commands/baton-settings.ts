import type { ListenerDeps } from "../../listener-deps.js";
import { openSettingsHome } from "../../settings/open-settings-home.js";
import type { Subcommand } from "./subcommands.js";

/** `/baton settings`: the settings home, for admins (anyone else is told who may). */
export function settingsSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, client, body, context }) => {
    await ack();
    await openSettingsHome(deps, client, body.trigger_id, context.teamId, body.user_id);
  };
}

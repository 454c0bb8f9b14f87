import { helpMessage } from "../../blocks/help.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { availabilitySubcommand } from "./baton-away.js";
import { brandSubcommand, icpSubcommand, slaSubcommand } from "./baton-playbook.js";
import { settingsSubcommand } from "./baton-settings.js";
import { type Subcommand, subcommands } from "./subcommands.js";

const help: Subcommand = async ({ ack }) => {
  await ack({ response_type: "ephemeral", ...helpMessage() });
};

const unknown: Subcommand = async ({ ack }, text) => {
  await ack({ response_type: "ephemeral", ...helpMessage(`I don't know \`/baton ${text}\`.`) });
};

/** `/baton`: help, and (added by later features) settings, playbook and availability. */
export function batonCommand(deps: ListenerDeps) {
  return subcommands(
    {
      help,
      "": help,
      settings: settingsSubcommand(deps),
      icp: icpSubcommand(deps),
      brand: brandSubcommand(deps),
      sla: slaSubcommand(deps),
      away: availabilitySubcommand(deps, true),
      back: availabilitySubcommand(deps, false),
    },
    unknown,
  );
}

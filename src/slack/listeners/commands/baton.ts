import { closestTo } from "../../../lib/closest.js";
import { helpMessage } from "../../blocks/help.js";
import { unknownCommandMessage } from "../../blocks/unknown-command.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { availabilitySubcommand } from "./baton-away.js";
import { brandSubcommand, icpSubcommand, slaSubcommand } from "./baton-playbook.js";
import { settingsSubcommand } from "./baton-settings.js";
import { type Subcommand, subcommands } from "./subcommands.js";

const help: Subcommand = async ({ ack }) => {
  await ack({ response_type: "ephemeral", ...helpMessage() });
};

const SUBCOMMANDS = ["help", "settings", "icp", "brand", "sla", "away", "back"] as const;

const unknown: Subcommand = async ({ ack }, text) => {
  const word = text.split(/\s+/)[0] ?? "";
  const close = closestTo(word, SUBCOMMANDS);
  const more = "`/baton help` shows what Baton does and every command.";
  await ack({
    response_type: "ephemeral",
    ...unknownCommandMessage(`/baton ${text}`, { ...(close ? { suggestion: `/baton ${close}` } : {}), more }),
  });
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

import type { ListenerDeps } from "../../context.js";
import { leadExportSubcommand } from "./lead-export.js";
import { leadImportSubcommand } from "./lead-import.js";
import { type Subcommand, subcommands } from "./subcommands.js";

const useTheModal: Subcommand = async ({ ack }) => {
  await ack({
    response_type: "ephemeral",
    text: "Type `/lead` to log a lead. From a spreadsheet: `/lead import`. To a spreadsheet: `/lead export [stage] [campaign]`.",
  });
};

/**
 * `/lead` sub-commands of the production area (import, export). The leads area owns `/lead` itself; the two route
 * tables are merged into one when the areas come together.
 */
export function leadCommand(deps: ListenerDeps) {
  return subcommands({ import: leadImportSubcommand(deps), export: leadExportSubcommand(deps) }, useTheModal);
}

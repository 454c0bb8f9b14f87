import type { ListenerDeps } from "../../listener-deps.js";
import { leadExportSubcommand } from "./lead-export.js";
import { leadFindSubcommand } from "./lead-find.js";
import { leadForgetSubcommand } from "./lead-forget.js";
import { leadHandoffSubcommand } from "./lead-handoff.js";
import { leadImportSubcommand } from "./lead-import.js";
import { leadModalCommand } from "./lead-open.js";
import { subcommands } from "./subcommands.js";

/** `/lead`: the modal (new, or `/lead <email>` to open that lead), `find`, `handoff`, `forget`, `import`, `export`. */
export function leadCommand(deps: ListenerDeps) {
  return subcommands(
    {
      find: leadFindSubcommand(deps),
      handoff: leadHandoffSubcommand(deps),
      forget: leadForgetSubcommand(deps),
      import: leadImportSubcommand(deps),
      export: leadExportSubcommand(deps),
    },
    leadModalCommand(deps),
  );
}

import type { ListenerDeps } from "../../context.js";
import { leadFindSubcommand } from "./lead-find.js";
import { leadForgetSubcommand } from "./lead-forget.js";
import { leadHandoffSubcommand } from "./lead-handoff.js";
import { leadModalCommand } from "./lead-open.js";
import { subcommands } from "./subcommands.js";

/** `/lead`: the modal (new, or `/lead <email>` to open that lead), `find`, `handoff`, `forget`. */
export function leadCommand(deps: ListenerDeps) {
  return subcommands(
    {
      find: leadFindSubcommand(deps),
      handoff: leadHandoffSubcommand(deps),
      forget: leadForgetSubcommand(deps),
    },
    leadModalCommand(deps),
  );
}

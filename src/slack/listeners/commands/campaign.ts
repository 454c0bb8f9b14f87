import type { ListenerDeps } from "../../listener-deps.js";
import { campaignListSubcommand } from "./campaign-list.js";
import { campaignNewSubcommand } from "./campaign-new.js";
import { campaignShowSubcommand } from "./campaign-show.js";
import { subcommands } from "./subcommands.js";

/** `/campaign` logs one, `/campaign list` lists them, `/campaign <name>` opens one's card. */
export function campaignCommand(deps: ListenerDeps) {
  return subcommands({ "": campaignNewSubcommand(deps), list: campaignListSubcommand(deps) }, campaignShowSubcommand(deps));
}

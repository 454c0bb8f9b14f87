import { importInstructions } from "../../blocks/lead-files.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

/** `/lead import`: says how to share the CSV, and remembers the request so the next CSV this person shares is read. */
export function leadImportSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, body, context, respond }) => {
    await ack({ response_type: "ephemeral", ...importInstructions() });
    await replyOnError(respond, () => deps.services.leadFiles.requestImport(context.teamId, body.user_id));
  };
}

import type { RespondArguments } from "@slack/bolt";
import { isAppError } from "../../../lib/errors.js";
import { usageMessage } from "../../blocks/funnel-replies.js";
import { replyOnError } from "../../errors.js";
import type { CommandArgs } from "./subcommands.js";

/**
 * Runs `work` after the ack; a period or name Baton cannot read gets the usage, other problems the usual reply.
 */
export async function answerFunnel(args: CommandArgs, work: () => Promise<RespondArguments>): Promise<void> {
  await replyOnError(args.respond, async () => {
    try {
      await args.respond({ response_type: "ephemeral", replace_original: false, ...(await work()) });
    } catch (error) {
      if (!isAppError(error) || error.code !== "invalid_input") throw error;
      await args.respond({ response_type: "ephemeral", replace_original: false, ...usageMessage(error.message) });
    }
  });
}

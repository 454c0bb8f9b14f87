import type { SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { BatonContext, WithContext } from "../../listener-deps.js";

export type CommandArgs = WithContext<SlackCommandMiddlewareArgs>;

/** One sub-command of a slash command: `rest` is the text after the sub-command's name. */
export type Subcommand = (args: CommandArgs, rest: string) => Promise<void>;

/** Dispatches `/command <name> rest...` to `routes[name]`, or to `fallback` with the whole text. */
export function subcommands(routes: Record<string, Subcommand>, fallback: Subcommand) {
  return async (args: CommandArgs): Promise<void> => {
    const text = args.command.text.trim();
    const [head = "", ...tail] = text.split(/\s+/);
    const route = routes[head.toLowerCase()];
    if (route) await route(args, tail.join(" "));
    else await fallback(args, text);
  };
}

export type { BatonContext };

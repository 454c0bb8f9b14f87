import type { Message } from "./message.js";
import { escapeMrkdwn, mrkdwn, truncate } from "./text.js";

/**
 * One or two lines for a command Baton cannot read: what was typed, the closest valid command when there is one,
 * and where the rest is listed (never the whole help again).
 */
export function unknownCommandMessage(typed: string, options: { suggestion?: string; more: string }): Message {
  const shown = escapeMrkdwn(truncate(typed, 100)).replaceAll("`", "'");
  const guess = options.suggestion ? ` Did you mean \`${options.suggestion}\`?` : "";
  const text = `I don't know \`${shown}\`.${guess} ${options.more}`;
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}

import type { Message } from "./message.js";
import { mrkdwn } from "./text.js";

/** A one-paragraph message. */
export function notice(text: string): Message {
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}

import type { KnownBlock } from "@slack/types";

/** A message as every builder returns it: blocks, and the text notifications and screen readers use. */
export interface Message {
  text: string;
  blocks: KnownBlock[];
}

import type { WebClient } from "@slack/web-api";
import type { Message } from "./blocks/message.js";

/**
 * Tells one person something only they see: an ephemeral message in the channel they were in (in a thread when
 * `threadTs` is given), or a DM from Baton when there is no such channel or Baton can't post there (not a member,
 * a DM with someone else).
 */
export async function tellPerson(
  client: WebClient,
  userId: string,
  channelId: string | undefined,
  message: Message,
  threadTs?: string,
): Promise<void> {
  if (channelId) {
    try {
      const thread = threadTs ? { thread_ts: threadTs } : {};
      await client.chat.postEphemeral({ channel: channelId, user: userId, text: message.text, blocks: message.blocks, ...thread });
      return;
    } catch {
      // Baton is not in that channel, or it is a DM with someone else: tell them by DM instead.
    }
  }
  await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks });
}

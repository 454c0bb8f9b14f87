// Finding a message Baton posted, by the metadata it carries: how a retry after a crash tells "posted, but not
// recorded" from "never posted", so it does not post twice.
import type { WebClient } from "@slack/web-api";
import type { FoundMessage } from "../domain/ports.js";

const PAGES = 5;

/** Looks back from `since` (a minute's slack) for a message whose metadata has this event type and key value. */
export async function findMarkedMessage(
  client: WebClient,
  mark: { channelId: string; since: Date; eventType: string; key: string; value: string },
): Promise<FoundMessage> {
  let cursor: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const history = await client.conversations.history({
      channel: mark.channelId,
      oldest: String(Math.floor(mark.since.getTime() / 1000) - 60),
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const found = history.messages?.find(
      (m) =>
        m.metadata?.event_type === mark.eventType &&
        (m.metadata.event_payload as Record<string, unknown> | undefined)?.[mark.key] === mark.value,
    );
    if (found?.ts) return { found: true, ts: found.ts };
    cursor = history.response_metadata?.next_cursor || undefined;
    if (!history.has_more || !cursor) return { found: false };
  }
  return { found: "unknown" };
}

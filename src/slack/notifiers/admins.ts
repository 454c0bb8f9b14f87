// Telling a workspace's admins something by DM: the people the domain names (its Baton admins), else Slack's own
// workspace admins and owners. Used by digests (a channel they cannot post in) and the outbox (what Slack never took).
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../../lib/logger.js";

/** DMs `text` to each; a DM that fails is logged and the others still go. Returns how many were asked. */
export async function dmAdmins(client: WebClient, userIds: string[], text: string, logger: Logger): Promise<number> {
  const recipients = userIds.length > 0 ? userIds : await workspaceAdmins(client);
  for (const user of recipients) {
    await client.chat.postMessage({ channel: user, text }).catch((error: unknown) => {
      logger.warn({ err: error, userId: user }, "could not DM an admin");
    });
  }
  return recipients.length;
}

/** Slack's workspace admins and owners, when no Baton admin is listed (first pages of users.list). */
async function workspaceAdmins(client: WebClient): Promise<string[]> {
  const admins: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const result = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const member of result.members ?? []) {
      if ((member.is_admin || member.is_owner) && !member.deleted && !member.is_bot && member.id) admins.push(member.id);
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return admins;
}

import type { WebClient } from "@slack/web-api";

/** SLACK_BOT_TOKEN was refused or could not be checked: Baton cannot tell which workspace it serves. */
export class SlackTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlackTokenError";
  }
}

/** Who a bot token is, from one auth.test at start-up (Bolt is handed the bot's ids, so it never calls auth.test itself). */
export interface TokenIdentity {
  teamId: string;
  botId?: string;
  botUserId?: string;
}

/** The workspace a bot token belongs to, and the bot's ids, from auth.test. */
export async function tokenWorkspace(client: WebClient): Promise<TokenIdentity> {
  let result: Awaited<ReturnType<WebClient["auth"]["test"]>>;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new SlackTokenError(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token again from your app's OAuth & Permissions page.`
        : `Baton could not reach Slack to check SLACK_BOT_TOKEN (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const teamId = result.team_id;
  if (!teamId) throw new SlackTokenError("Slack's auth.test named no workspace for SLACK_BOT_TOKEN; org-wide tokens are not supported.");
  return { teamId, ...(result.bot_id ? { botId: result.bot_id } : {}), ...(result.user_id ? { botUserId: result.user_id } : {}) };
}

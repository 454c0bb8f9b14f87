import type { WebClient } from "@slack/web-api";

/** SLACK_BOT_TOKEN was refused or could not be checked: Baton cannot tell which workspace it serves. */
export class SlackTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SlackTokenError";
  }
}

/** The workspace a bot token belongs to, from auth.test. */
export async function tokenWorkspace(client: WebClient): Promise<{ teamId: string }> {
  let teamId: string | undefined;
  try {
    teamId = (await client.auth.test()).team_id;
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    throw new SlackTokenError(
      code
        ? `Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token again from your app's OAuth & Permissions page.`
        : `Baton could not reach Slack to check SLACK_BOT_TOKEN (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (!teamId) throw new SlackTokenError("Slack's auth.test named no workspace for SLACK_BOT_TOKEN; org-wide tokens are not supported.");
  return { teamId };
}

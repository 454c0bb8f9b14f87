// Where Slack keeps shared files: the one place that decides which addresses may receive the bot token when Baton
// downloads a file. Derived from the Web API's address (SLACK_API_URL), so GovSlack gets GovSlack's file host.

/** Slack's own Web API hosts and the file host each serves files from. */
const FILE_HOST_OF_API: Record<string, string> = {
  "slack.com": "https://files.slack.com",
  "slack-gov.com": "https://files.slack-gov.com",
};

/**
 * The origins a shared file may be downloaded from with the bot token: Slack's file host over https, or, when
 * SLACK_API_URL names another address (a proxy, or a test's stand-in), that address itself: it already receives
 * the token with every Web API call, so nothing new learns it.
 */
export function slackFileOrigins(apiUrl: string | undefined): string[] {
  const api = new URL(apiUrl ?? "https://slack.com/api/");
  const slackHost = api.protocol === "https:" ? FILE_HOST_OF_API[api.hostname] : undefined;
  return [slackHost ?? api.origin];
}

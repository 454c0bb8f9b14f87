/**
 * Which Slack workspaces this Baton serves: the one check every request passes (src/slack/middleware.ts). With one
 * bot token (SLACK_BOT_TOKEN) it is the token's own workspace, as auth.test names it at start-up; with OAuth it is
 * every workspace that installed Baton, which Bolt's authorize already checks against the stored installations.
 * Enterprise Grid org installs extend this: an org token serves the workspaces of its enterprise.
 */
export class ServedTeams {
  private tokenTeamId: string | undefined;

  /** Single-token mode: serve the token's workspace and no other. */
  serveOnly(teamId: string): void {
    this.tokenTeamId = teamId;
  }

  isServed(teamId: string): boolean {
    return this.tokenTeamId === undefined || this.tokenTeamId === teamId;
  }
}

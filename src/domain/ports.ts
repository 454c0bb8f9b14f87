// What the domain needs from the outside world, as interfaces. The Slack layer implements them
// (src/slack/directory.ts ...) and app.ts wires them in, so the domain never imports Slack.

/** Facts about people that only Slack knows. Implementations may cache briefly. */
export interface Directory {
  /** Slack workspace admin or owner. */
  isWorkspaceAdmin(teamId: string, userId: string): Promise<boolean>;
  /** Members of a Slack user group (e.g. the sales team), or [] when it does not exist. */
  userGroupMembers(teamId: string, groupId: string): Promise<string[]>;
  /** The person's IANA time zone from their Slack profile, if known. */
  timezoneOf(teamId: string, userId: string): Promise<string | undefined>;
}

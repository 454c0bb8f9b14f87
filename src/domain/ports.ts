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

/** A lead as announced in the marketing channel: no contact details, just enough to recognise it. */
export interface LeadAnnouncement {
  teamId: string;
  channelId: string;
  /** Where it came from, as people say it: "web form". */
  source: string;
  lead: { id: string; name: string | null; company: string | null; title: string | null; campaignName: string | null };
}

/** Tells the marketing channel about leads that arrived from outside Slack. */
export interface NewLeadAnnouncer {
  newLead(announcement: LeadAnnouncement): Promise<void>;
}

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

/** Where one announcement went: posted, or refused by Slack with its error code (e.g. not_in_channel). */
export type AnnouncementDelivery = { channelId: string; ok: true } | { channelId: string; ok: false; error: string };

/** A new campaign as sales sees it announced: what is coming and what it promises. */
export interface CampaignAnnouncement {
  name: string;
  channel: string;
  product: string | null;
  offer: string | null;
  place: string | null;
  promotion: string | null;
  keyMessage: string | null;
  segmentName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  ownerId: string | null;
  createdById: string;
}

/** A change to the shared playbook (ICP, brand guide, agreement), as both teams see it announced. */
export interface PlaybookChangeAnnouncement {
  kind: "icp" | "brand" | "agreement";
  actorId: string;
  summary: string;
  at: Date;
}

/** Posts campaign and playbook announcements in a workspace's channels. Never throws for Slack's refusals. */
export interface PlaybookAnnouncer {
  campaignLaunched(teamId: string, channelId: string, campaign: CampaignAnnouncement): Promise<AnnouncementDelivery>;
  playbookChanged(teamId: string, channelId: string, change: PlaybookChangeAnnouncement): Promise<AnnouncementDelivery>;
}

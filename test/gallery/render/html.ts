// The few HTML helpers every part of the renderer uses.

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** Undoes the three entities Slack's mrkdwn uses for text people typed (Baton escapes them; Slack shows them). */
export function decodeSlackEntities(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** Who and what a mention, channel link or user group names: the fixtures' workspace directory. */
export interface Directory {
  users: Record<string, string>;
  channels: Record<string, string>;
  userGroups: Record<string, string>;
  /** "Now" for Slack's date tokens (Today, Yesterday) and the zone the viewer reads times in. */
  now: Date;
  zone: string;
}

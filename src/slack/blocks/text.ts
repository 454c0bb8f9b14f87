// Text helpers that keep Block Kit within Slack's limits whatever the data.

/** Cuts text to `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

export const plain = (text: string, max = 3000) => ({ type: "plain_text" as const, text: truncate(text || " ", max), emoji: true });

export const mrkdwn = (text: string, max = 3000) => ({ type: "mrkdwn" as const, text: truncate(text || " ", max) });

/** Escapes the three characters mrkdwn treats as control characters in user-supplied text. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

export const mention = (userId: string) => `<@${userId}>`;
export const channelLink = (channelId: string) => `<#${channelId}>`;

/** Block Kit limits used across builders (see ../shared/docs/slack-platform.md). */
export const Limits = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  optionText: 75,
  optionValue: 75,
  selectOptions: 100,
  modalTitle: 24,
  privateMetadata: 3000,
  contextElements: 10,
  actionsElements: 25,
  placeholder: 150,
} as const;

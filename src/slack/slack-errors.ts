// Slack's error codes, classified once: whether a retry can change Slack's answer, and how each is said. A refusal
// that no retry fixes becomes AppError("not_configured") with Slack's code as its reason, for every caller (handoff
// cards, digests, announcements, /funnel post): the SLA ladder and digest runs give up on it, a person is told.
// Slack's 429s, 5xx answers and network errors are retried by the WebClient itself (client-options.ts).
import { AppError, isAppError } from "../lib/errors.js";
import { channelLink } from "./blocks/text.js";

interface SlackError {
  /** The same call will fail the same way until someone changes something (a channel, an invitation, the install). */
  forGood: boolean;
  /** What is wrong, told to admins about a channel they are not in. */
  toAdmins?: string;
  /** What is wrong and what to do, in a note about a post elsewhere (announcements, handoff cards). */
  note?: string;
  /** Told, in Baton's voice, to the person in the channel where Baton could not post. */
  here?: string;
}

const GONE: SlackError = {
  forGood: true,
  toAdmins: "that channel no longer exists (or Baton can't see it)",
  note: "Slack can't find it (deleted, or private without Baton): pick another in `/baton settings`.",
  here: "I can't post here: invite me to this channel with `/invite @Baton`, or use `/funnel` to see it yourself.",
};
const ARCHIVED: SlackError = {
  forGood: true,
  toAdmins: "that channel was archived",
  note: "it is archived: pick another in `/baton settings`.",
  here: "This channel is archived, so I can't post in it.",
};
const RESTRICTED: SlackError = {
  forGood: true,
  toAdmins: "only some members may post in that channel",
  note: "only some members may post there: pick another in `/baton settings`.",
  here: "Only some members may post in this channel, so I can't.",
};
const NO_ACCESS: SlackError = {
  forGood: true,
  toAdmins: "Slack no longer lets Baton do this (access revoked or a permission missing): a workspace admin should reinstall it",
  note: "Slack no longer lets Baton do this (access revoked or a permission missing): a workspace admin should reinstall it.",
};
const NO_SUCH_PERSON: SlackError = { forGood: true, toAdmins: "that person can't get messages from Baton" };
/** Slack refused the message itself: a bug in Baton, which no retry fixes. */
const BAD_MESSAGE: SlackError = { forGood: true };

const SLACK_ERRORS: Record<string, SlackError> = {
  channel_not_found: GONE,
  invalid_channel: GONE,
  not_in_channel: {
    forGood: true,
    toAdmins: "Baton is not a member of that channel: invite it with `/invite @Baton`",
    note: "Baton isn't a member of it: invite it there with `/invite @Baton`.",
    here: "I'm not in this channel yet: invite me with `/invite @Baton`, then try again.",
  },
  is_archived: ARCHIVED,
  channel_is_archived: ARCHIVED,
  restricted_action: RESTRICTED,
  restricted_action_read_only_channel: RESTRICTED,
  cant_update_message: { forGood: true, note: "the message can no longer be changed." },
  message_not_found: { forGood: true, note: "the message was deleted." },
  missing_scope: NO_ACCESS,
  not_authed: NO_ACCESS,
  invalid_auth: NO_ACCESS,
  account_inactive: NO_ACCESS,
  token_revoked: NO_ACCESS,
  no_permission: NO_ACCESS,
  user_not_found: NO_SUCH_PERSON,
  user_disabled: NO_SUCH_PERSON,
  cannot_dm_bot: NO_SUCH_PERSON,
  invalid_blocks: BAD_MESSAGE,
  msg_too_long: BAD_MESSAGE,
  invalid_metadata_format: BAD_MESSAGE,
  ratelimited: { forGood: false, note: "Slack is rate-limiting Baton right now." },
};

/** The `error` of a Web API call that Slack answered with ok: false, if it was one. */
export function slackErrorOf(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } } | undefined;
  return e?.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}

/** A short name for what went wrong, for records and logs: Slack's code, else the client's (never what was sent). */
export function slackErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return slackErrorOf(error) ?? (typeof code === "string" ? code : "unknown_error");
}

/** Slack's own errors that a later try may not meet: it was busy or broken, not refusing. */
const TRANSIENT = new Set(["ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"]);

/** Slack answered and refused (not_in_channel, invalid_blocks, ...): trying again will not help. */
export function isRefusedForGood(error: unknown): boolean {
  const code = slackErrorOf(error);
  return code !== undefined && !TRANSIENT.has(code);
}

/**
 * Slack's refusal to post in (or update a message in) `channelId` as an AppError("not_configured") a person can
 * act on, when no retry will change it; anything else passes through unchanged, to be retried or logged.
 */
export function postingRefusal(error: unknown, channelId: string): unknown {
  const code = slackErrorOf(error);
  if (!code || !SLACK_ERRORS[code]?.forGood) return error;
  return new AppError(
    "not_configured",
    `Baton can't post in ${channelLink(channelId)} (Slack says ${code}): ${noteFor(code)} Then try again.`,
    {},
    code,
  );
}

/** A posting refusal reworded for the person in the channel itself (`/funnel post`); other errors pass through. */
export function refusedHere(error: unknown): unknown {
  if (!isAppError(error) || error.code !== "not_configured" || !error.reason) return error;
  const text = SLACK_ERRORS[error.reason]?.here ?? `Slack didn't let me post here (${error.reason}).`;
  return new AppError("not_configured", text, {}, error.reason);
}

/** What went wrong with a channel, for admins who are not in it: "that channel was archived". */
export function problemForAdmins(code: string): string {
  return SLACK_ERRORS[code]?.toAdmins ?? `Slack answered \`${code}\``;
}

/** What went wrong with a post elsewhere, and what to do: "it is archived: pick another in `/baton settings`." */
export function noteFor(code: string): string {
  return SLACK_ERRORS[code]?.note ?? `Slack said \`${code}\`.`;
}

import { AppError } from "../lib/errors.js";
import { channelLink } from "./blocks/text.js";

/** Slack answers that will not change on a retry: the channel is gone, or Baton is not in it. */
const FOR_GOOD = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_channel",
  "restricted_action",
  "cant_update_message",
  "message_not_found",
]);

/** The `error` of a Web API call that Slack answered with ok: false, if it was one. */
export function slackErrorOf(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}

/** Turns Slack's refusal to post in a channel into an error a person can act on; other errors pass through. */
export function postingRefusal(error: unknown, channelId: string): unknown {
  const code = slackErrorOf(error);
  if (!code || !FOR_GOOD.has(code)) return error;
  const fix =
    code === "not_in_channel"
      ? `invite Baton there (/invite @Baton in ${channelLink(channelId)})`
      : "pick another channel in /baton settings → Channels and people";
  return new AppError("not_configured", `Baton can't post in ${channelLink(channelId)} (Slack says ${code}): ${fix}, then try again.`);
}

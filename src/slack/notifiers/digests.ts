// Posts digests to Slack for the jobs (the DigestPublisher port). Slack's 429s, 5xx and network errors are retried
// with backoff by the WebClient itself (src/slack/client-options.ts); what is left is classified here.
import type { WebClient } from "@slack/web-api";
import type { Digest } from "../../domain/digests/digest.js";
import type { PersonalDigest } from "../../domain/digests/personal-digest.js";
import { DeliveryError, type DigestPublisher, type FoundMessage } from "../../domain/digests/ports.js";
import type { Logger } from "../../lib/logger.js";
import { digestMessage } from "../blocks/funnel.js";
import { personalDigestMessage } from "../blocks/personal-digest.js";
import { channelLink } from "../blocks/text.js";
import { chartAltText, renderDigestChart } from "../charts/digest-chart.js";
import type { SlackClients } from "../clients.js";

/** Message metadata that marks a digest with its run, so a retry after a crash can find it in the channel. */
export const DIGEST_EVENT_TYPE = "baton_digest";

/** Slack errors that no retry will fix. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "channel_is_archived",
  "restricted_action",
  "restricted_action_read_only_channel",
  "missing_scope",
  "not_authed",
  "invalid_auth",
  "account_inactive",
  "token_revoked",
  "no_permission",
  "user_not_found",
  "user_disabled",
  "cannot_dm_bot",
  "invalid_blocks",
  "msg_too_long",
  "invalid_metadata_format",
]);

const PROBLEM_TEXT: Record<string, string> = {
  channel_not_found: "that channel no longer exists (or Baton can't see it)",
  not_in_channel: "Baton is not a member of that channel: invite it with `/invite @Baton`",
  is_archived: "that channel was archived",
  channel_is_archived: "that channel was archived",
};

/** Turns a Web API failure into a DeliveryError: permanent for Slack's refusals, transient otherwise. */
export function deliveryError(error: unknown): DeliveryError {
  const code = (error as { code?: string; data?: { error?: string } }).data?.error;
  if ((error as { code?: string }).code === "slack_webapi_platform_error" && code) return new DeliveryError(code, PERMANENT.has(code));
  const status = (error as { statusCode?: number }).statusCode;
  return new DeliveryError(status ? `http_${status}` : "slack_unreachable", false);
}

export class SlackDigestPublisher implements DigestPublisher {
  constructor(
    private readonly clients: SlackClients,
    private readonly logger: Logger,
  ) {}

  async postDigest(input: {
    teamId: string;
    channelId: string;
    digest: Digest;
    runId: string;
    lateFor: Date | null;
  }): Promise<{ ts: string }> {
    const message = digestMessage(input.digest, { lateFor: input.lateFor });
    const result = await this.call(input.teamId, (client) =>
      client.chat.postMessage({
        channel: input.channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { run_id: input.runId } },
      }),
    );
    return { ts: result.ts ?? "" };
  }

  async findDigest(input: { teamId: string; channelId: string; runId: string; since: Date }): Promise<FoundMessage> {
    try {
      const client = await this.clients.forTeam(input.teamId);
      let cursor: string | undefined;
      for (let page = 0; page < 5; page++) {
        const history = await client.conversations.history({
          channel: input.channelId,
          oldest: String(Math.floor(input.since.getTime() / 1000) - 60),
          include_all_metadata: true,
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        const found = history.messages?.find(
          (m) =>
            m.metadata?.event_type === DIGEST_EVENT_TYPE &&
            (m.metadata.event_payload as { run_id?: string } | undefined)?.run_id === input.runId,
        );
        if (found?.ts) return { found: true, ts: found.ts };
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) return { found: false };
      }
      return { found: "unknown" };
    } catch (error) {
      this.logger.warn({ err: error, channelId: input.channelId }, "cannot read the channel to check for an interrupted digest");
      return { found: "unknown" };
    }
  }

  async postChart(input: { teamId: string; channelId: string; threadTs: string; digest: Digest }): Promise<void> {
    const png = renderDigestChart(input.digest);
    await this.call(input.teamId, (client) =>
      client.files.uploadV2({
        channel_id: input.channelId,
        thread_ts: input.threadTs,
        file: png,
        filename: "baton-funnel.png",
        title: "Funnel and trend",
        alt_text: chartAltText(input.digest),
      }),
    );
  }

  async sendPersonal(input: { teamId: string; userId: string; digest: PersonalDigest; runId: string }): Promise<{ ts: string }> {
    const message = personalDigestMessage(input.digest);
    const result = await this.call(input.teamId, (client) =>
      client.chat.postMessage({ channel: input.userId, text: message.text, blocks: message.blocks, unfurl_links: false }),
    );
    return { ts: result.ts ?? "" };
  }

  async tellAdmins(input: { teamId: string; userIds: string[]; channelId: string; reason: string }): Promise<void> {
    const client = await this.clients.forTeam(input.teamId);
    const recipients = input.userIds.length > 0 ? input.userIds : await this.workspaceAdmins(client);
    const why = PROBLEM_TEXT[input.reason] ?? `Slack answered \`${input.reason}\``;
    const text = `:warning: Baton couldn't post the scheduled funnel digest in ${channelLink(input.channelId)}: ${why}. Other digests are not affected. Fix it there, or pick another channel in \`/baton settings\` → Digests. (You'll hear about this channel again only if it happens again after it works.)`;
    for (const user of recipients) {
      await client.chat.postMessage({ channel: user, text }).catch((error: unknown) => {
        this.logger.warn({ err: error, userId: user }, "could not DM an admin about a digest channel problem");
      });
    }
    if (recipients.length === 0)
      this.logger.error({ channelId: input.channelId, reason: input.reason }, "no admin to tell about a digest channel problem");
  }

  /** Slack's workspace admins and owners, when no Baton admin is listed (first pages of users.list). */
  private async workspaceAdmins(client: WebClient): Promise<string[]> {
    const admins: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await client.users.list({ limit: 200, ...(cursor ? { cursor } : {}) });
      for (const member of result.members ?? []) {
        if ((member.is_admin || member.is_owner) && !member.deleted && !member.is_bot && member.id) admins.push(member.id);
      }
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    return admins;
  }

  private async call<T>(teamId: string, request: (client: WebClient) => Promise<T>): Promise<T> {
    const client = await this.clients.forTeam(teamId);
    try {
      return await request(client);
    } catch (error) {
      throw deliveryError(error);
    }
  }
}

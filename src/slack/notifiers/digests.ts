// Posts digests to Slack for the jobs (the DigestPublisher port). Slack's 429s, 5xx and network errors are retried
// with backoff by the WebClient itself (src/slack/client-options.ts); what is left is classified in slack-errors.ts.
import type { WebClient } from "@slack/web-api";
import type { Digest } from "../../domain/digests/digest.js";
import type { PersonalDigest } from "../../domain/digests/personal-digest.js";
import type { DigestPublisher, FoundMessage } from "../../domain/digests/ports.js";
import type { Logger } from "../../lib/logger.js";
import { digestMessage } from "../blocks/funnel.js";
import { personalDigestMessage } from "../blocks/personal-digest.js";
import { channelLink } from "../blocks/text.js";
import { CHART_FILE, chartAltText, renderDigestChart } from "../charts/digest-chart.js";
import type { SlackClients } from "../clients.js";
import { findMarkedMessage } from "../history.js";
import { postingRefusal, problemForAdmins, slackErrorOf } from "../slack-errors.js";
import { dmAdmins } from "./admins.js";

/** Message metadata that marks a digest with its run, so a retry after a crash can find it in the channel. */
export const DIGEST_EVENT_TYPE = "baton_digest";

const CHART_UPLOAD = { filename: CHART_FILE.filename, title: "Funnel and trend" } as const;
type UploadResult = { files?: { files?: { id?: string }[] }[] };

/** Slack refused the message's blocks (as it answered, or as postingRefusal reworded it). */
const refusedBlocks = (error: unknown) =>
  slackErrorOf(error) === "invalid_blocks" || (error as { reason?: unknown } | undefined)?.reason === "invalid_blocks";

export class SlackDigestPublisher implements DigestPublisher {
  constructor(
    private readonly clients: SlackClients,
    private readonly logger: Logger,
  ) {}

  /**
   * Draws the chart once, uploads it privately (no channel: the message itself shows it), then posts the digest with
   * the chart as an image block of that file. A chart that cannot be uploaded or shown never holds the digest back:
   * without the upload the digest goes out without it; refused in the message (Slack may not have processed the file
   * yet: invalid_blocks), it goes out without the image and the same PNG follows in its thread.
   */
  async postDigest(input: {
    teamId: string;
    channelId: string;
    digest: Digest;
    runId: string;
    lateFor: Date | null;
  }): Promise<{ ts: string }> {
    const { teamId, channelId, digest } = input;
    const chart = digest.sections.includes("chart") && digest.trend && !digest.empty ? renderDigestChart(digest) : null;
    const fileId = chart
      ? await this.uploadPrivately(teamId, chart, digest).catch((error: unknown) => this.noChart(error, channelId))
      : null;
    const post = (image: { fileId: string; altText: string } | null) => {
      const message = digestMessage(digest, { lateFor: input.lateFor, chart: image });
      return this.call(teamId, channelId, (client) =>
        client.chat.postMessage({
          channel: channelId,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { run_id: input.runId } },
        }),
      );
    };
    if (!fileId || !chart) return { ts: (await post(null)).ts ?? "" };
    try {
      return { ts: (await post({ fileId, altText: chartAltText(digest) })).ts ?? "" };
    } catch (error) {
      if (!refusedBlocks(error)) throw error;
      this.logger.warn({ channelId }, "the chart was refused inside the digest; posting it in the thread instead");
      const ts = (await post(null)).ts ?? "";
      await this.uploadIntoThread(teamId, channelId, ts, chart, digest).catch((e: unknown) => this.noChart(e, channelId));
      return { ts };
    }
  }

  private async uploadPrivately(teamId: string, chart: Buffer, digest: Digest): Promise<string | null> {
    const client = await this.clients.forTeam(teamId);
    const result = (await client.files.uploadV2({ ...CHART_UPLOAD, file: chart, alt_text: chartAltText(digest) })) as UploadResult;
    return result.files?.[0]?.files?.[0]?.id ?? null;
  }

  private async uploadIntoThread(teamId: string, channelId: string, threadTs: string, chart: Buffer, digest: Digest): Promise<void> {
    await this.call(teamId, channelId, (client) =>
      client.files.uploadV2({ ...CHART_UPLOAD, channel_id: channelId, thread_ts: threadTs, file: chart, alt_text: chartAltText(digest) }),
    );
  }

  private noChart(error: unknown, channelId: string): null {
    this.logger.warn({ err: error, channelId }, "digest posted without its chart");
    return null;
  }

  async findDigest(input: { teamId: string; channelId: string; runId: string; since: Date }): Promise<FoundMessage> {
    try {
      const client = await this.clients.forTeam(input.teamId);
      return await findMarkedMessage(client, {
        channelId: input.channelId,
        since: input.since,
        eventType: DIGEST_EVENT_TYPE,
        key: "run_id",
        value: input.runId,
      });
    } catch (error) {
      this.logger.warn({ err: error, channelId: input.channelId }, "cannot read the channel to check for an interrupted digest");
      return { found: "unknown" };
    }
  }

  async sendPersonal(input: { teamId: string; userId: string; digest: PersonalDigest; runId: string }): Promise<{ ts: string }> {
    const message = personalDigestMessage(input.digest);
    const result = await this.call(input.teamId, input.userId, (client) =>
      client.chat.postMessage({ channel: input.userId, text: message.text, blocks: message.blocks, unfurl_links: false }),
    );
    return { ts: result.ts ?? "" };
  }

  async tellAdmins(input: { teamId: string; userIds: string[]; channelId: string; reason: string }): Promise<void> {
    const why = problemForAdmins(input.reason);
    const text = `:warning: Baton couldn't post the scheduled funnel digest in ${channelLink(input.channelId)}: ${why}. Other digests are not affected. Fix it there, or pick another channel in \`/baton settings\` → Digests. (You'll hear about this channel again only if it happens again after it works.)`;
    const told = await dmAdmins(await this.clients.forTeam(input.teamId), input.userIds, text, this.logger);
    if (told === 0)
      this.logger.error({ channelId: input.channelId, reason: input.reason }, "no admin to tell about a digest channel problem");
  }

  private async call<T>(teamId: string, channelId: string, request: (client: WebClient) => Promise<T>): Promise<T> {
    const client = await this.clients.forTeam(teamId);
    try {
      return await request(client);
    } catch (error) {
      throw postingRefusal(error, channelId);
    }
  }
}

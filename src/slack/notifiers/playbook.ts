import type { AnnouncementDelivery, CampaignAnnouncement, PlaybookAnnouncer, PlaybookChangeAnnouncement } from "../../domain/ports.js";
import type { Logger } from "../../lib/logger.js";
import { campaignAnnouncement, playbookChangeAnnouncement } from "../blocks/announcements.js";
import type { Message } from "../blocks/message.js";
import type { SlackClients } from "../clients.js";
import { effectMetadata } from "../effects.js";
import { isRefusedForGood, slackErrorCode } from "../slack-errors.js";

/**
 * Posts campaign and playbook announcements with chat.postMessage. A refusal for good (not_in_channel, archived)
 * is reported; what a later try may fix (rate limits, Slack or the network down) is thrown, for the outbox to retry.
 */
export class SlackPlaybookAnnouncer implements PlaybookAnnouncer {
  constructor(
    private readonly clients: SlackClients,
    private readonly logger: Logger,
  ) {}

  campaignLaunched(teamId: string, channelId: string, campaign: CampaignAnnouncement, effectId?: string): Promise<AnnouncementDelivery> {
    return this.post(teamId, channelId, campaignAnnouncement(campaign), effectId);
  }

  playbookChanged(teamId: string, channelId: string, change: PlaybookChangeAnnouncement, effectId?: string): Promise<AnnouncementDelivery> {
    return this.post(teamId, channelId, playbookChangeAnnouncement(change), effectId);
  }

  private async post(
    teamId: string,
    channelId: string,
    message: Message,
    effectId?: string,
  ): Promise<AnnouncementDelivery & { ts?: string }> {
    try {
      const client = await this.clients.forTeam(teamId);
      const posted = await client.chat.postMessage({
        channel: channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        ...(effectId ? { metadata: effectMetadata(effectId) } : {}),
      });
      return { channelId, ok: true, ...(posted.ts ? { ts: posted.ts } : {}) };
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      const code = slackErrorCode(error);
      this.logger.warn({ teamId, channelId, error: code }, "announcement not posted");
      return { channelId, ok: false, error: code };
    }
  }
}

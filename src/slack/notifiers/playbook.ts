import type { AnnouncementDelivery, CampaignAnnouncement, PlaybookAnnouncer, PlaybookChangeAnnouncement } from "../../domain/ports.js";
import type { Logger } from "../../lib/logger.js";
import { campaignAnnouncement, playbookChangeAnnouncement } from "../blocks/announcements.js";
import type { Message } from "../blocks/message.js";
import type { SlackClients } from "../clients.js";
import { slackErrorCode } from "../slack-errors.js";

/** Posts campaign and playbook announcements with chat.postMessage; a refusal is reported, not thrown. */
export class SlackPlaybookAnnouncer implements PlaybookAnnouncer {
  constructor(
    private readonly clients: SlackClients,
    private readonly logger: Logger,
  ) {}

  campaignLaunched(teamId: string, channelId: string, campaign: CampaignAnnouncement): Promise<AnnouncementDelivery> {
    return this.post(teamId, channelId, campaignAnnouncement(campaign));
  }

  playbookChanged(teamId: string, channelId: string, change: PlaybookChangeAnnouncement): Promise<AnnouncementDelivery> {
    return this.post(teamId, channelId, playbookChangeAnnouncement(change));
  }

  private async post(teamId: string, channelId: string, message: Message): Promise<AnnouncementDelivery> {
    try {
      const client = await this.clients.forTeam(teamId);
      await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, unfurl_links: false });
      return { channelId, ok: true };
    } catch (error) {
      const code = slackErrorCode(error);
      this.logger.warn({ teamId, channelId, error: code }, "announcement not posted");
      return { channelId, ok: false, error: code };
    }
  }
}

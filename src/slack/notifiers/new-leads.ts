import type { AnnouncementDelivery, LeadAnnouncement, NewLeadAnnouncer } from "../../domain/ports.js";
import { newLeadMessage } from "../blocks/new-lead.js";
import type { SlackClients } from "../clients.js";
import { effectMetadata } from "../effects.js";
import { isRefusedForGood, slackErrorCode } from "../slack-errors.js";

/** Posts leads from web forms to the workspace's marketing channel. */
export class SlackNewLeadAnnouncer implements NewLeadAnnouncer {
  constructor(private readonly clients: SlackClients) {}

  async newLead(announcement: LeadAnnouncement): Promise<AnnouncementDelivery & { ts?: string }> {
    const { channelId, effectId } = announcement;
    try {
      const client = await this.clients.forTeam(announcement.teamId);
      const posted = await client.chat.postMessage({
        channel: channelId,
        ...newLeadMessage(announcement),
        ...(effectId ? { metadata: effectMetadata(effectId) } : {}),
      });
      return { channelId, ok: true, ...(posted.ts ? { ts: posted.ts } : {}) };
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      return { channelId, ok: false, error: slackErrorCode(error) };
    }
  }
}

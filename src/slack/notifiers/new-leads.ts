import type { LeadAnnouncement, MessageRef, NewLeadAnnouncer } from "../../domain/ports.js";
import { newLeadMessage } from "../blocks/new-lead.js";
import type { SlackClients } from "../clients.js";

/** Posts leads from web forms to the workspace's marketing channel. */
export class SlackNewLeadAnnouncer implements NewLeadAnnouncer {
  constructor(private readonly clients: SlackClients) {}

  async newLead(announcement: LeadAnnouncement): Promise<MessageRef | null> {
    const client = await this.clients.forTeam(announcement.teamId);
    const posted = await client.chat.postMessage({ channel: announcement.channelId, ...newLeadMessage(announcement) });
    return posted.ts ? { channelId: posted.channel ?? announcement.channelId, ts: posted.ts } : null;
  }
}

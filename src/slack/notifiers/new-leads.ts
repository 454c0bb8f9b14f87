import type { LeadAnnouncement, NewLeadAnnouncer } from "../../domain/ports.js";
import { newLeadMessage } from "../blocks/new-lead.js";
import type { SlackClients } from "../clients.js";

/** Posts leads from web forms to the workspace's marketing channel. */
export class SlackNewLeadAnnouncer implements NewLeadAnnouncer {
  constructor(private readonly clients: SlackClients) {}

  async newLead(announcement: LeadAnnouncement): Promise<void> {
    const client = await this.clients.forTeam(announcement.teamId);
    await client.chat.postMessage({ channel: announcement.channelId, ...newLeadMessage(announcement) });
  }
}

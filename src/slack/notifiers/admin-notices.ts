import type { AdminNotifier, ExportNotice } from "../../domain/ports.js";
import { exportTakenNotice } from "../blocks/lead-files.js";
import type { SlackClients } from "../clients.js";

/** DMs to Baton admins (a bot may post to a user id: the message lands in the app's Messages tab). */
export class SlackAdminNotifier implements AdminNotifier {
  constructor(private readonly clients: SlackClients) {}

  async exportTaken(adminIds: string[], notice: ExportNotice): Promise<void> {
    if (adminIds.length === 0) return;
    const client = await this.clients.forTeam(notice.teamId);
    const message = exportTakenNotice(notice);
    for (const adminId of adminIds) await client.chat.postMessage({ channel: adminId, ...message });
  }
}

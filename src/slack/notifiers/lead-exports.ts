import type { ExportNotice, LeadExportsPort } from "../../domain/ports.js";
import { exportTakenNotice } from "../blocks/lead-files.js";
import type { SlackClients } from "../clients.js";
import { slackErrorOf } from "../slack-errors.js";

/** Export notices to Baton admins, and export files deleted on erasure. DMs to Baton admins (a bot may post to a user id: the message lands in the app's Messages tab). */
export class SlackLeadExports implements LeadExportsPort {
  constructor(private readonly clients: SlackClients) {}

  async announce(adminIds: string[], notice: ExportNotice): Promise<void> {
    if (adminIds.length === 0) return;
    const client = await this.clients.forTeam(notice.teamId);
    const message = exportTakenNotice(notice);
    for (const adminId of adminIds) await client.chat.postMessage({ channel: adminId, ...message });
  }

  async deleteFiles(teamId: string, fileIds: string[]): Promise<number> {
    const client = await this.clients.forTeam(teamId);
    let deleted = 0;
    for (const file of fileIds) {
      const gone = await client.files.delete({ file }).then(
        () => true,
        (error: unknown) => ["file_not_found", "file_deleted"].includes(slackErrorOf(error) ?? ""),
      );
      if (gone) deleted += 1;
    }
    return deleted;
  }
}

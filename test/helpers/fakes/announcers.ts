// Announcers that remember what was announced where; a channel can be made to refuse, as Slack does.
import type {
  AnnouncementDelivery,
  CampaignAnnouncement,
  ExportNotice,
  LeadAnnouncement,
  LeadExportsPort,
  NewLeadAnnouncer,
  PlaybookAnnouncer,
  PlaybookChangeAnnouncement,
} from "../../../src/domain/ports.js";
import { Recorder } from "./recorder.js";

export class RecordingPlaybookAnnouncer extends Recorder<PlaybookAnnouncer> implements PlaybookAnnouncer {
  private readonly refusals = new Map<string, string>();

  /** Slack refuses every post to this channel with this error code (e.g. not_in_channel). */
  refuse(channelId: string, error: string): void {
    this.refusals.set(channelId, error);
  }

  async campaignLaunched(teamId: string, channelId: string, campaign: CampaignAnnouncement): Promise<AnnouncementDelivery> {
    this.record("campaignLaunched", [teamId, channelId, campaign]);
    return this.delivery(channelId);
  }

  async playbookChanged(teamId: string, channelId: string, change: PlaybookChangeAnnouncement): Promise<AnnouncementDelivery> {
    this.record("playbookChanged", [teamId, channelId, change]);
    return this.delivery(channelId);
  }

  private delivery(channelId: string): AnnouncementDelivery {
    const error = this.refusals.get(channelId);
    return error ? { channelId, ok: false, error } : { channelId, ok: true };
  }
}

export class RecordingLeadExportsPort extends Recorder<LeadExportsPort> implements LeadExportsPort {
  async announce(adminIds: string[], notice: ExportNotice): Promise<void> {
    this.record("announce", [adminIds, notice]);
  }

  async deleteFiles(teamId: string, fileIds: string[]): Promise<number> {
    this.record("deleteFiles", [teamId, fileIds]);
    return fileIds.length;
  }
}

export class RecordingLeadAnnouncer extends Recorder<NewLeadAnnouncer> implements NewLeadAnnouncer {
  private posted = 0;

  async newLead(announcement: LeadAnnouncement): Promise<AnnouncementDelivery & { ts?: string }> {
    this.record("newLead", [announcement]);
    this.posted += 1;
    return { channelId: announcement.channelId, ok: true, ts: `1700000000.${String(this.posted).padStart(6, "0")}` };
  }
}

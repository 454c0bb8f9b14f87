// The digest schedules a new workspace starts with.
import type { ScheduleFields } from "../../db/digest-schedules.js";
import { periodOfCron } from "./schedule-input.js";

export interface DefaultScheduleSettings {
  salesChannelId?: string;
  marketingChannelId?: string;
  digestCron?: string;
  timezone: string;
}

/** The schedules a new workspace starts with: the sales view to the sales channel, the marketing view to marketing. */
export function defaultSchedules(settings: DefaultScheduleSettings): (ScheduleFields & { createdById: string })[] {
  const cron = settings.digestCron ?? "0 9 * * 1";
  const base = {
    cron,
    timezone: settings.timezone,
    period: periodOfCron(cron),
    sections: null,
    skipEmpty: true,
    enabled: true,
    createdById: "system",
  };
  const { salesChannelId: sales, marketingChannelId: marketing } = settings;
  if (sales && sales === marketing) return [{ ...base, channelId: sales, view: "shared" }];
  return [
    ...(sales ? [{ ...base, channelId: sales, view: "sales" }] : []),
    ...(marketing ? [{ ...base, channelId: marketing, view: "marketing" }] : []),
  ];
}

// A campaign as people see it: its fields, dates as calendar days, and where it stands today.
import { DateTime } from "luxon";
import type { CampaignWithSegment } from "../../db/campaigns.js";
import { versionToken } from "../../lib/version.js";

export type CampaignStatus =
  | { state: "upcoming" }
  | { state: "active" }
  /** Past its end date but not ended by hand. */
  | { state: "finished"; on: string }
  | { state: "ended"; on: string };

export interface CampaignDetails {
  id: string;
  name: string;
  channel: string;
  product: string | null;
  offer: string | null;
  place: string | null;
  promotion: string | null;
  keyMessage: string | null;
  segmentId: string | null;
  segmentName: string | null;
  budgetCents: number | null;
  currency: string;
  /** Calendar days, YYYY-MM-DD. */
  startsOn: string | null;
  endsOn: string | null;
  ownerId: string | null;
  assetsUrl: string | null;
  trackingCode: string | null;
  createdById: string;
  endedAt: Date | null;
  status: CampaignStatus;
  /** updatedAt, as the edit modal carries it. */
  version: string;
}

/** Campaign dates are calendar days, stored as midnight UTC. */
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
export const dateToDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Today's calendar day in the workspace's time zone. */
export function todayIn(timezone: string, now: Date): string {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  return (local.isValid ? local : DateTime.fromJSDate(now, { zone: "UTC" })).toISODate() ?? dateToDay(now);
}

export function statusOf(
  campaign: { startsOn: Date | null; endsOn: Date | null; endedAt: Date | null },
  today: string,
  timezone: string,
): CampaignStatus {
  if (campaign.endedAt) return { state: "ended", on: todayIn(timezone, campaign.endedAt) };
  if (campaign.endsOn && dateToDay(campaign.endsOn) < today) return { state: "finished", on: dateToDay(campaign.endsOn) };
  if (campaign.startsOn && dateToDay(campaign.startsOn) > today) return { state: "upcoming" };
  return { state: "active" };
}

export function toDetails(row: CampaignWithSegment, today: string, timezone: string): CampaignDetails {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    product: row.product,
    offer: row.offer,
    place: row.place,
    promotion: row.promotion,
    keyMessage: row.keyMessage,
    segmentId: row.segmentId,
    segmentName: row.segment?.name ?? null,
    budgetCents: row.budgetCents,
    currency: row.currency,
    startsOn: row.startsOn ? dateToDay(row.startsOn) : null,
    endsOn: row.endsOn ? dateToDay(row.endsOn) : null,
    ownerId: row.ownerId,
    assetsUrl: row.assetsUrl,
    trackingCode: row.trackingCode,
    createdById: row.createdById,
    endedAt: row.endedAt,
    status: statusOf(row, today, timezone),
    version: versionToken(row.updatedAt),
  };
}

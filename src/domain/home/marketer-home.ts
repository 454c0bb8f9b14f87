import { DateTime } from "luxon";
import { campaignsOf, countHandoffsWaitingOnSales, didMarketingSince, handoffsWaitingOnSales, leadsSentBackTo } from "../../db/home.js";
import { campaignName } from "../../db/lead-campaigns.js";
import type { Lead } from "../../db/leads.js";
import type { WorkingHours } from "../../lib/working-hours.js";
import { type CampaignResults, campaignResults } from "../campaigns/results.js";
import type { HomeDeps } from "./deps.js";
import { type WaitingHandoff, waitingRow } from "./waiting.js";

const PER_SECTION = 10;
const CAMPAIGNS_SHOWN = 5;
/** Someone who logged a lead, handed one off or created a campaign this recently is a marketer on the Home. */
export const MARKETER_ACTIVE_DAYS = 90;

export interface MarketerHome {
  /** Handoffs they made that sales has not answered yet, with the clock of each. */
  waitingOnSales: WaitingHandoff[];
  waitingOnSalesTotal: number;
  /** Their leads sales sent back to Nurture, to re-qualify when ready. */
  sentBack: Lead[];
  /** Their campaigns (created or owned) this month: leads, SQLs, cost per lead, return on spend. */
  campaigns: CampaignResults[];
  monthStart: Date;
}

/** What a marketer's part of the Home shows; null when the person did no marketing lately and has nothing open. */
export async function marketerHome(
  deps: HomeDeps,
  teamId: string,
  userId: string,
  hours: WorkingHours | undefined,
): Promise<MarketerHome | null> {
  const { db } = deps;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - MARKETER_ACTIVE_DAYS * 86_400_000);
  const monthStart = DateTime.fromJSDate(now, { zone: hours?.zone ?? "UTC" })
    .startOf("month")
    .toJSDate();
  const [active, pending, waitingOnSalesTotal, sentBack, campaigns] = await Promise.all([
    didMarketingSince(db, teamId, userId, since),
    handoffsWaitingOnSales(db, teamId, userId, PER_SECTION),
    countHandoffsWaitingOnSales(db, teamId, userId),
    leadsSentBackTo(db, teamId, userId, PER_SECTION),
    campaignsOf(db, teamId, userId, monthStart, CAMPAIGNS_SHOWN),
  ]);
  if (!active && waitingOnSalesTotal === 0 && sentBack.length === 0 && campaigns.length === 0) return null;
  const results =
    campaigns.length > 0 ? await campaignResults(db, teamId, { campaignIds: campaigns.map((c) => c.id), from: monthStart, to: now }) : [];
  return {
    waitingOnSales: await Promise.all(
      pending.map(async (h) => waitingRow(h, h.lead, await campaignName(db, teamId, h.lead.campaignId), now, hours)),
    ),
    waitingOnSalesTotal,
    sentBack,
    campaigns: results,
    monthStart,
  };
}

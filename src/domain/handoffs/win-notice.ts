import type { Db } from "../../db/client.js";
import { latestAcceptedHandoff } from "../../db/handoffs.js";
import { campaignName } from "../../db/lead-campaigns.js";
import type { Lead } from "../../db/leads.js";
import type { WinNotice } from "../ports.js";

/** The win notice for `lead` as it is now (anonymised once erased); null when nobody owns it to have won it. */
export async function winNoticeOf(db: Db, lead: Lead, channelId: string): Promise<WinNotice | null> {
  if (!lead.ownerId) return null;
  const handoff = await latestAcceptedHandoff(db, lead.teamId, lead.id);
  return {
    teamId: lead.teamId,
    channelId,
    ownerId: lead.ownerId,
    lead: { name: lead.name, company: lead.company, erased: lead.erasedAt !== null },
    valueCents: lead.dealValueCents,
    currency: lead.dealCurrency,
    campaignName: await campaignName(db, lead.teamId, lead.campaignId),
    handedOffById: handoff?.handedOffById ?? null,
  };
}

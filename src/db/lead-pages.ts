import type { Db } from "./client.js";
import type { Lead } from "./leads.js";

export interface LeadFilter {
  stage?: string;
  campaignId?: string;
}

export type LeadWithCampaign = Lead & { campaign: { name: string } | null };

/** One page of a workspace's leads (erased ones left out), in a stable order for keyset paging. */
export function leadsPage(
  db: Db,
  teamId: string,
  filter: LeadFilter,
  afterId: string | undefined,
  take: number,
): Promise<LeadWithCampaign[]> {
  return db.lead.findMany({
    where: {
      teamId,
      erasedAt: null,
      ...(filter.stage ? { stage: filter.stage } : {}),
      ...(filter.campaignId ? { campaignId: filter.campaignId } : {}),
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    include: { campaign: { select: { name: true } } },
    orderBy: { id: "asc" },
    take,
  });
}

export interface CampaignRef {
  id: string;
  name: string;
  nameKey: string;
  trackingCode: string | null;
}

/** The workspace's campaigns, for matching a name or tracking code typed by a person or found in a file. */
export function campaignRefs(db: Db, teamId: string): Promise<CampaignRef[]> {
  return db.campaign.findMany({ where: { teamId }, select: { id: true, name: true, nameKey: true, trackingCode: true } });
}

export function leadWithCampaign(db: Db, teamId: string, id: string): Promise<LeadWithCampaign | null> {
  return db.lead.findFirst({ where: { id, teamId }, include: { campaign: { select: { name: true } } } });
}

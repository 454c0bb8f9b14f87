// Campaigns: logging, editing and ending them, finding them, their cards with live results, and the list.
import {
  type CampaignWithSegment,
  campaignsNamed,
  currentCampaigns,
  findCampaign,
  findCampaignByCode,
  findCampaignByNameKey,
  openCampaigns,
  recentCampaigns,
} from "../../db/campaigns.js";
import { listSegments } from "../../db/playbook.js";
import { findWorkspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import { type AnnouncementOutcome, deliverAnnouncement, type WrittenAnnouncement } from "../playbook/announce.js";
import { brandGuideOf } from "../playbook/brand-guide.js";
import { notFound } from "./campaign-errors.js";
import { campaignNameKey } from "./campaign-input.js";
import { canManageCampaign } from "./can-manage-campaign.js";
import { checkCampaignBasics } from "./check-campaign-basics.js";
import { createCampaign } from "./create-campaign.js";
import type { CampaignDeps } from "./deps.js";
import { type CampaignDetails, dayToDate, toDetails, todayIn } from "./details.js";
import { endCampaign } from "./end-campaign.js";
import { type CampaignResults, campaignResults, type ResultsQuery } from "./results.js";
import { updateCampaign } from "./update-campaign.js";

/** How many campaigns of each kind the list shows; the rest are counted. */
export const LIST_SIZE = 20;
/** Campaigns that ended within this many days are "recent". */
export const RECENT_DAYS = 90;

export interface CampaignFormOptions {
  currency: string;
  keyMessages: { id: string; text: string }[];
  segments: { id: string; name: string }[];
}

export interface CampaignCard {
  campaign: CampaignDetails;
  results: CampaignResults;
  /** The viewer may edit and end it (owner or admin). */
  canManage: boolean;
}

export interface CampaignListEntry {
  campaign: CampaignDetails;
  results: CampaignResults | undefined;
}

export interface CampaignOverview {
  current: CampaignListEntry[];
  recent: CampaignListEntry[];
  /** More campaigns exist than the list shows. */
  moreCurrent: boolean;
  moreRecent: boolean;
}

export class Campaigns {
  constructor(private readonly deps: CampaignDeps) {}

  /** What the campaign modal offers: the workspace currency, the guide's key messages, the ICP segments. */
  async formOptions(teamId: string): Promise<CampaignFormOptions> {
    const [workspace, guide, segments] = await Promise.all([
      findWorkspace(this.deps.db, teamId),
      brandGuideOf(this.deps.db, teamId),
      listSegments(this.deps.db, teamId),
    ]);
    return {
      currency: workspace?.currency ?? "USD",
      keyMessages: guide.keyMessageOptions,
      segments: segments.map((s) => ({ id: s.id, name: s.name })),
    };
  }

  /** Step 1 of the form (new, or editing `campaignId`): refused inline as saving would; the campaign when editing. */
  async checkBasics(
    teamId: string,
    actorId: string,
    raw: Record<string, unknown>,
    campaignId?: string,
  ): Promise<CampaignDetails | undefined> {
    const current = await checkCampaignBasics(this.deps, { teamId, actorId }, raw, campaignId);
    return current ? this.details(teamId, current) : undefined;
  }

  /** Logs a campaign; its announcement is written with it, delivered by `announceLaunch` (after the ack). */
  async create(
    teamId: string,
    actorId: string,
    raw: Record<string, unknown>,
  ): Promise<{ campaign: CampaignDetails; announcement: WrittenAnnouncement }> {
    const { campaign, announcement } = await createCampaign(this.deps, teamId, actorId, raw);
    return { campaign: await this.details(teamId, campaign), announcement };
  }

  async update(
    teamId: string,
    actorId: string,
    campaignId: string,
    raw: Record<string, unknown>,
    version: string,
  ): Promise<CampaignDetails> {
    return this.details(teamId, await updateCampaign(this.deps, { teamId, actorId, campaignId, raw, version }));
  }

  async end(teamId: string, actorId: string, campaignId: string): Promise<{ campaign: CampaignDetails; endedNow: boolean }> {
    const { campaign, endedNow } = await endCampaign(this.deps, teamId, actorId, campaignId);
    return { campaign: await this.details(teamId, campaign), endedNow };
  }

  async get(teamId: string, campaignId: string): Promise<CampaignDetails> {
    const row = await findCampaign(this.deps.db, teamId, campaignId);
    if (!row) throw notFound();
    return this.details(teamId, row);
  }

  /** A campaign to edit: only for its owner or an admin. */
  async forEdit(teamId: string, userId: string, campaignId: string): Promise<CampaignDetails> {
    const campaign = await this.get(teamId, campaignId);
    if (!(await canManageCampaign(this.deps, teamId, userId, campaign))) {
      throw new AppError("forbidden", "Only the campaign's owner or a Baton admin can edit this campaign.");
    }
    return campaign;
  }

  /** The campaign card: what it is and its results so far. */
  async card(teamId: string, campaignId: string, viewerId: string): Promise<CampaignCard> {
    const campaign = await this.get(teamId, campaignId);
    const [results] = await campaignResults(this.deps.db, teamId, { campaignIds: [campaignId] });
    if (!results) throw notFound();
    return { campaign, results, canManage: await canManageCampaign(this.deps, teamId, viewerId, campaign) };
  }

  /** `/campaign <text>`: the campaign with that name or tracking code, else those whose name contains it. */
  async lookup(teamId: string, text: string): Promise<{ exact: CampaignDetails | null; similar: CampaignDetails[] }> {
    const key = campaignNameKey(text);
    const exact =
      (await findCampaignByNameKey(this.deps.db, teamId, key)) ??
      (await findCampaignByCode(this.deps.db, teamId, text.trim().toLowerCase()));
    if (exact) return { exact: await this.details(teamId, exact), similar: [] };
    const similar = await campaignsNamed(this.deps.db, teamId, key, LIST_SIZE);
    const { today, timezone } = await this.today(teamId);
    return { exact: null, similar: similar.map((row) => toDetails(row, today, timezone)) };
  }

  /** `/campaign list`: running and upcoming campaigns, then those that finished in the last 90 days. */
  async overview(teamId: string): Promise<CampaignOverview> {
    const { today, timezone } = await this.today(teamId);
    const since = new Date(dayToDate(today).getTime() - RECENT_DAYS * 86_400_000);
    const [current, recent] = await Promise.all([
      currentCampaigns(this.deps.db, teamId, dayToDate(today), LIST_SIZE + 1),
      recentCampaigns(this.deps.db, teamId, dayToDate(today), since, LIST_SIZE + 1),
    ]);
    const currentShown = current.slice(0, LIST_SIZE).map((row) => toDetails(row, today, timezone));
    const recentAll = recent.map((row) => toDetails(row, today, timezone)).sort((a, b) => finishedOn(b).localeCompare(finishedOn(a)));
    const recentShown = recentAll.slice(0, LIST_SIZE);
    const results = await campaignResults(this.deps.db, teamId, { campaignIds: [...currentShown, ...recentShown].map((c) => c.id) });
    const entry = (campaign: CampaignDetails): CampaignListEntry => ({
      campaign,
      results: results.find((r) => r.campaignId === campaign.id),
    });
    return {
      current: currentShown.map(entry),
      recent: recentShown.map(entry),
      moreCurrent: current.length > LIST_SIZE,
      moreRecent: recentAll.length > LIST_SIZE,
    };
  }

  /** Delivers a new campaign's announcement in the sales channel (written with the campaign), so sales knows what is coming. */
  announceLaunch(announcement: WrittenAnnouncement): Promise<AnnouncementOutcome> {
    return deliverAnnouncement(this.deps, announcement);
  }

  /** Campaigns a lead can be attributed to by hand (the lead modal's select): not ended, newest first. */
  options(teamId: string): Promise<{ id: string; name: string }[]> {
    return openCampaigns(this.deps.db, teamId, 100);
  }

  /** Results per campaign (see results.ts for each figure's definition), for cards and funnel digests. */
  results(teamId: string, query: ResultsQuery = {}): Promise<CampaignResults[]> {
    return campaignResults(this.deps.db, teamId, query);
  }

  private async today(teamId: string): Promise<{ today: string; timezone: string }> {
    const timezone = (await findWorkspace(this.deps.db, teamId))?.timezone ?? "UTC";
    return { today: todayIn(timezone, this.deps.clock.now()), timezone };
  }

  private async details(teamId: string, row: CampaignWithSegment): Promise<CampaignDetails> {
    const { today, timezone } = await this.today(teamId);
    return toDetails(row, today, timezone);
  }
}

const finishedOn = (campaign: CampaignDetails): string =>
  campaign.status.state === "ended" || campaign.status.state === "finished" ? campaign.status.on : "";

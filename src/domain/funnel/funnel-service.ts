// The funnel's use cases for the Slack layer: what `/funnel ...` asks for, in the workspace's time zone.
import { campaignByNameKey } from "../../db/funnel-context.js";
import { AppError } from "../../lib/errors.js";
import type { FunnelDeps } from "./deps.js";
import { cachedAnswer, type Freshness, type FunnelCache } from "./funnel-cache.js";
import { type FunnelContext, funnelContext } from "./funnel-context.js";
import { type FunnelReport, funnelForPeriod } from "./funnel-for-period.js";
import { isPeriodPhrase, parsePeriod } from "./parse-period.js";
import type { Period } from "./periods.js";
import { type Scorecard, scorecardFor } from "./scorecard.js";

export interface FunnelQuery {
  context: FunnelContext;
  period: Period;
  campaign?: { id: string; name: string };
}

export class FunnelService {
  /** Without a cache every question is computed afresh (the benchmarks time exactly that). */
  constructor(private readonly deps: FunnelDeps & { cache?: FunnelCache }) {}

  context(teamId: string): Promise<FunnelContext> {
    return funnelContext(this.deps, teamId);
  }

  /**
   * Reads "<period>" or "campaign <name> [<period>]". A campaign name may itself end in a period word
   * ("Spring month"): the whole text is tried as a name before a trailing period is split off.
   */
  async query(teamId: string, text: string): Promise<FunnelQuery> {
    const context = await this.context(teamId);
    const now = this.deps.clock.now();
    const words = text.trim().split(/\s+/).filter(Boolean);
    let campaign: FunnelQuery["campaign"];
    let periodText = words.join(" ");
    if (words[0]?.toLowerCase() === "campaign") {
      const found = await this.campaignAndPeriod(teamId, words.slice(1));
      campaign = found.campaign;
      periodText = found.periodText;
    }
    const parsed = parsePeriod(periodText, now, context.zone);
    if (!parsed.ok) throw new AppError("invalid_input", parsed.message);
    return { context, period: parsed.period, ...(campaign ? { campaign } : {}) };
  }

  /** Just the funnel figures for a period (the App Home's "team funnel this week"). */
  async report(teamId: string, text: string, freshness?: Freshness): Promise<FunnelReport> {
    const query = await this.query(teamId, text);
    return cachedAnswer(this.deps.cache, query, "report", () => funnelForPeriod(this.deps, query.context, query.period), freshness);
  }

  async scorecard(
    teamId: string,
    text: string,
  ): Promise<{ context: FunnelContext; scorecard: Scorecard; campaign?: { id: string; name: string } }> {
    const query = await this.query(teamId, text);
    const scorecard = await cachedAnswer(this.deps.cache, query, "scorecard", () =>
      scorecardFor(this.deps, query.context, query.period, query.campaign?.id),
    );
    return { context: query.context, scorecard, ...(query.campaign ? { campaign: query.campaign } : {}) };
  }

  async campaignNamed(teamId: string, name: string): Promise<{ id: string; name: string }> {
    const key = name.trim().toLowerCase();
    if (!key) throw new AppError("invalid_input", "Which campaign? For example `/funnel campaign Spring webinar`.");
    const campaign = await campaignByNameKey(this.deps.db, teamId, key);
    if (!campaign) {
      throw new AppError("not_found", `There is no campaign called “${name.trim()}” in this workspace. \`/campaign list\` shows them.`);
    }
    return { id: campaign.id, name: campaign.name };
  }

  private async campaignAndPeriod(
    teamId: string,
    words: string[],
  ): Promise<{ campaign: { id: string; name: string }; periodText: string }> {
    const whole = words.join(" ");
    // Longest period phrase first: "last week" before "week".
    for (const take of [3, 2, 1]) {
      if (words.length <= take) continue;
      const tail = words.slice(-take).join(" ");
      if (!isPeriodPhrase(tail)) continue;
      const exact = await campaignByNameKey(this.deps.db, teamId, whole.toLowerCase());
      if (exact) return { campaign: { id: exact.id, name: exact.name }, periodText: "" };
      return { campaign: await this.campaignNamed(teamId, words.slice(0, -take).join(" ")), periodText: tail };
    }
    return { campaign: await this.campaignNamed(teamId, whole), periodText: "" };
  }
}

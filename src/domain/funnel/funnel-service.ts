// The funnel's use cases for the Slack layer: what `/funnel ...` asks for, in the workspace's time zone.
import { campaignByNameKey } from "../../db/funnel-context.js";
import { AppError } from "../../lib/errors.js";
import { type FunnelContext, type FunnelDeps, funnelContext } from "./context.js";
import { type Digest, type DigestSection, type DigestView, digestFor } from "./digest.js";
import type { Freshness, FunnelCache } from "./funnel-cache.js";
import { type FunnelReport, funnelForPeriod } from "./funnel-for-period.js";
import { isPeriodPhrase, PERIOD_USAGE, parsePeriod } from "./parse-period.js";
import type { Period } from "./periods.js";
import { type Scorecard, scorecardFor } from "./scorecard.js";

export interface FunnelQuery {
  context: FunnelContext;
  period: Period;
  campaign?: { id: string; name: string };
}

/** What `/funnel` shows to the person who asked: everything but the chart. */
const ON_DEMAND: DigestSection[] = ["action", "funnel", "sla", "campaigns", "fit", "scorecard"];
/** What `/funnel post` puts in a channel: the shared view with its chart. */
const POSTED: DigestSection[] = ["action", "funnel", "sla", "campaigns", "scorecard", "chart"];

export class FunnelService {
  /** Without a cache every question is computed afresh (the benchmarks time exactly that). */
  constructor(
    private readonly deps: FunnelDeps,
    private readonly cache?: FunnelCache,
  ) {}

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
    return this.cached(query, "report", () => funnelForPeriod(this.deps, query.context, query.period), freshness);
  }

  async onDemand(teamId: string, text: string): Promise<Digest> {
    const query = await this.query(teamId, text);
    return this.cached(query, "on-demand", () => this.digest(query, "shared", ON_DEMAND));
  }

  async forChannel(teamId: string, text: string): Promise<Digest> {
    const query = await this.query(teamId, text);
    return this.cached(query, "posted", () => this.digest(query, "shared", POSTED));
  }

  async scorecard(
    teamId: string,
    text: string,
  ): Promise<{ context: FunnelContext; scorecard: Scorecard; campaign?: { id: string; name: string } }> {
    const query = await this.query(teamId, text);
    const scorecard = await this.cached(query, "scorecard", () => scorecardFor(this.deps, query.context, query.period, query.campaign?.id));
    return { context: query.context, scorecard, ...(query.campaign ? { campaign: query.campaign } : {}) };
  }

  digest(query: FunnelQuery, view: DigestView, sections: readonly string[] | null): Promise<Digest> {
    return digestFor(this.deps, query.context, {
      period: query.period,
      view,
      sections,
      ...(query.campaign ? { campaign: query.campaign } : {}),
    });
  }

  private cached<T>(query: FunnelQuery, kind: string, compute: () => Promise<T>, freshness?: Freshness): Promise<T> {
    if (!this.cache) return compute();
    // The whole unit, not its end: "this week so far" ends at now, which moves on every call (the TTL bounds that).
    const { unit, start, fullEnd } = query.period;
    const key = [kind, unit, start.toISOString(), fullEnd.toISOString(), query.campaign?.id ?? ""].join(" ");
    return this.cache.get(query.context.teamId, key, compute, freshness);
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

export { PERIOD_USAGE };

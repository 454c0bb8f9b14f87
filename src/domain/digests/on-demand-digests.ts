// Digests asked for in Slack: `/funnel` for the person who asked, `/funnel post` for a channel.
import { cachedAnswer } from "../funnel/funnel-cache.js";
import type { FunnelQuery } from "../funnel/funnel-service.js";
import { composeDigest } from "./compose-digest.js";
import type { DigestDeps } from "./deps.js";
import type { Digest, DigestSection, DigestView } from "./digest.js";

/** What `/funnel` shows to the person who asked: everything but the chart. */
const ON_DEMAND: DigestSection[] = ["action", "funnel", "sla", "campaigns", "fit", "scorecard"];
/** What `/funnel post` puts in a channel: the shared view with its chart. */
const POSTED: DigestSection[] = ["action", "funnel", "sla", "campaigns", "scorecard", "chart"];

export class OnDemandDigests {
  constructor(private readonly deps: Pick<DigestDeps, "db" | "provider" | "clock" | "funnel" | "cache">) {}

  async onDemand(teamId: string, text: string): Promise<Digest> {
    const query = await this.deps.funnel.query(teamId, text);
    return cachedAnswer(this.deps.cache, query, "on-demand", () => this.digest(query, "shared", ON_DEMAND));
  }

  async forChannel(teamId: string, text: string): Promise<Digest> {
    const query = await this.deps.funnel.query(teamId, text);
    return cachedAnswer(this.deps.cache, query, "posted", () => this.digest(query, "shared", POSTED));
  }

  digest(query: FunnelQuery, view: DigestView, sections: readonly string[] | null): Promise<Digest> {
    return composeDigest(this.deps, query.context, {
      period: query.period,
      view,
      sections,
      ...(query.campaign ? { campaign: query.campaign } : {}),
    });
  }
}

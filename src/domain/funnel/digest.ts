// A digest: the funnel for a period plus what needs action, shaped by the audience (sales, marketing, both).
import { type Bucket, leadsByStage } from "../../db/funnel.js";
import { type WaitingHandoffs, waitingHandoffs } from "../../db/funnel-handoffs.js";
import type { FunnelContext, FunnelDeps } from "./context.js";
import { FigureRequests } from "./figure-requests.js";
import { hasActivity, type StageCounts } from "./figures.js";
import { type FunnelReport, planFunnel } from "./funnel-for-period.js";
import { type Period, trailingPeriods } from "./periods.js";
import { planScorecard, type Scorecard } from "./scorecard.js";

export const DIGEST_VIEWS = ["sales", "marketing", "shared"] as const;
export type DigestView = (typeof DIGEST_VIEWS)[number];

/** Every section, in the order a digest shows them: what needs action first, what is nice to know last. */
export const DIGEST_SECTIONS = ["action", "funnel", "pipeline", "sla", "campaigns", "rejections", "fit", "scorecard", "chart"] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

/** What each audience sees when a schedule does not pick its own sections. */
export const VIEW_SECTIONS: Record<DigestView, readonly DigestSection[]> = {
  sales: ["action", "funnel", "pipeline", "sla", "scorecard", "chart"],
  marketing: ["action", "funnel", "campaigns", "rejections", "fit", "scorecard", "chart"],
  shared: ["action", "funnel", "sla", "campaigns", "scorecard", "chart"],
};

export const CHART_PERIODS = 8;

export function isDigestView(value: unknown): value is DigestView {
  return typeof value === "string" && (DIGEST_VIEWS as readonly string[]).includes(value);
}

/** The sections to show, in display order: the schedule's choice (null or empty: the view's defaults). */
export function sectionsFor(view: DigestView, chosen: readonly string[] | null | undefined): DigestSection[] {
  const wanted = new Set(chosen && chosen.length > 0 ? chosen : VIEW_SECTIONS[view]);
  return DIGEST_SECTIONS.filter((section) => wanted.has(section));
}

export interface Digest {
  view: DigestView;
  sections: DigestSection[];
  report: FunnelReport;
  /** Handoffs waiting for sales now, and the period's breaches (in report.handoffs). */
  waiting: WaitingHandoffs;
  /** Leads in SQL and Opportunity right now. */
  pipeline: { sql: number; opportunity: number } | null;
  rejections: { reason: string; count: number }[] | null;
  scorecard: Scorecard | null;
  /** Stage counts of the last CHART_PERIODS periods, oldest first (for the chart). */
  trend: { periods: Period[]; counts: StageCounts[] } | null;
  /** Nothing happened in the period: no lead moved, no handoff was decided or breached. */
  empty: boolean;
  /** When it was computed ("waiting now" means then). */
  asOf: Date;
}

export interface DigestRequest {
  period: Period;
  view: DigestView;
  sections?: readonly string[] | null;
  campaign?: { id: string; name: string };
}

export async function digestFor(deps: FunnelDeps, context: FunnelContext, request: DigestRequest): Promise<Digest> {
  const { teamId } = context;
  const sections = sectionsFor(request.view, request.sections);
  const has = (section: DigestSection) => sections.includes(section);
  const campaignId = request.campaign?.id;
  const scope = { teamId, ...(campaignId ? { campaignId } : {}) };
  const { period } = request;
  const asOf = deps.clock.now();
  // Every section says what it needs first; the figures then come in one round of queries.
  const requests = new FigureRequests();
  const report = planFunnel(requests, context, period, {
    ...(request.campaign ? { campaign: request.campaign } : {}),
    breakdowns: { campaigns: has("campaigns"), fitGrades: has("fit") },
  });
  const scorecard = has("scorecard") ? planScorecard(requests, context, period) : null;
  const trendPeriods = has("chart") ? trailingPeriods(period, CHART_PERIODS) : [];
  const trendWindows = trendPeriods.map((p): Bucket => ({ from: p.start, to: p.end }));
  for (const window of trendWindows) requests.stageCounts(window);
  if (has("rejections")) requests.rejectionReasons({ from: period.start, to: period.end });
  const [figures, waiting, pipeline] = await Promise.all([
    requests.fetch(deps, scope),
    waitingHandoffs(deps.db, { ...scope, now: asOf }),
    has("pipeline") ? leadsByStage(deps.db, { teamId, stages: ["sql", "opportunity"] }) : null,
  ]);
  const funnel = await report(deps, figures);
  return {
    view: request.view,
    sections,
    report: funnel,
    waiting,
    pipeline: pipeline ? { sql: pipeline.get("sql") ?? 0, opportunity: pipeline.get("opportunity") ?? 0 } : null,
    rejections: has("rejections") ? figures.rejections : null,
    scorecard: scorecard ? scorecard(figures) : null,
    trend: has("chart") ? { periods: trendPeriods, counts: trendWindows.map((w) => figures.stageCounts(w)) } : null,
    empty: !hasActivity(funnel.counts) && funnel.handoffs.decided === 0 && funnel.handoffs.breaches === 0,
    asOf,
  };
}

// Composing a digest: every section says what it needs, the figures come in one round of queries.
import { handoffsWaitingLongest, leadsSentBackIn } from "../../db/digest-actions.js";
import { type Bucket, leadsByStage } from "../../db/funnel.js";
import { waitingHandoffs } from "../../db/funnel-handoffs.js";
import type { FunnelDeps } from "../funnel/deps.js";
import { FigureRequests } from "../funnel/figure-requests.js";
import { hasActivity } from "../funnel/figures.js";
import type { FunnelContext } from "../funnel/funnel-context.js";
import { planFunnel } from "../funnel/funnel-for-period.js";
import { trailingPeriods } from "../funnel/periods.js";
import { planScorecard } from "../funnel/scorecard.js";
import { ACTION_ROWS, ACTS_ON, CHART_PERIODS, type Digest, type DigestRequest, type DigestSection, sectionsFor } from "./digest.js";

export async function composeDigest(deps: FunnelDeps, context: FunnelContext, request: DigestRequest): Promise<Digest> {
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
  const acts = has("action") ? ACTS_ON[request.view] : { handoffs: false, sentBack: false };
  const [figures, waiting, pipeline, waitingRows, sentBack] = await Promise.all([
    requests.fetch(deps, scope),
    waitingHandoffs(deps.db, { ...scope, now: asOf }),
    has("pipeline") ? leadsByStage(deps.db, { teamId, stages: ["sql", "opportunity"] }) : null,
    acts.handoffs ? handoffsWaitingLongest(deps.db, scope, ACTION_ROWS.waiting) : [],
    acts.sentBack ? leadsSentBackIn(deps.db, { ...scope, from: period.start, to: period.end }, ACTION_ROWS.sentBack) : null,
  ]);
  const funnel = await report(deps, figures);
  return {
    view: request.view,
    sections,
    report: funnel,
    waiting,
    waitingRows,
    sentBack,
    pipeline: pipeline ? { sql: pipeline.get("sql") ?? 0, opportunity: pipeline.get("opportunity") ?? 0 } : null,
    rejections: has("rejections") ? figures.rejections : null,
    scorecard: scorecard ? scorecard(figures) : null,
    trend: has("chart") ? { periods: trendPeriods, counts: trendWindows.map((w) => figures.stageCounts(w)) } : null,
    empty: !hasActivity(funnel.counts) && funnel.handoffs.decided === 0 && funnel.handoffs.breaches === 0,
    asOf,
  };
}

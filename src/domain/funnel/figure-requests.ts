// What a digest needs from the database, asked for first and fetched together. The funnel report, the scorecard
// and the chart each say which windows and figures they need; identical windows are merged (this period is also
// the scorecard's last period and the chart's last bar), and everything is fetched in one round: the stage counts
// (one statement; two on PostgreSQL, to use two backends), handoff decisions and breaches (one), speed-to-lead
// percentiles (one).
import type { Bucket, FunnelStage } from "../../db/funnel.js";
import {
  acceptedHandoffTimes,
  handoffCounts,
  handoffPercentiles,
  type PercentileSeries,
  type Percentiles,
} from "../../db/funnel-handoffs.js";
import { type StageMeasure, type StageRequest, stageFigures } from "../../db/funnel-stages.js";
import type { WorkingHours } from "../../lib/working-hours.js";
import type { FunnelDeps } from "./deps.js";
import { countsFrom, emptyCounts, FUNNEL_STAGES, type HandoffFigures, handoffFigures, type StageCounts } from "./figures.js";
import { nearestRankMedian, workingMargins } from "./working-margin.js";

export type GroupBy = "campaignId" | "fitGrade";
type Measure = PercentileSeries["measure"];

const keyOf = (w: Bucket) => `${w.from.getTime()}-${w.to.getTime()}`;
const MEASURES: StageMeasure[] = [...FUNNEL_STAGES, "revenue"];

export class FigureRequests {
  private readonly stages = new Map<string, { window: Bucket; stages: Set<StageMeasure> }>();
  private readonly groups = new Map<string, StageRequest>();
  private readonly decisions = new Map<string, Bucket>();
  private readonly percentiles = new Map<string, PercentileSeries>();
  private rejections: Bucket | undefined;
  private readonly margins = new Map<string, { window: Bucket; hours: WorkingHours; slaMinutes: number }>();

  /**
   * Leads that reached `stages` in the window (all stages unless narrowed); "revenue" asks for the value of the
   * deals won without counting them. Counts not asked for read 0.
   */
  stageCounts(window: Bucket, stages: readonly StageMeasure[] = FUNNEL_STAGES): this {
    const entry = this.stages.get(keyOf(window)) ?? { window, stages: new Set<StageMeasure>() };
    for (const stage of stages) entry.stages.add(stage);
    this.stages.set(keyOf(window), entry);
    return this;
  }

  /**
   * The same, per campaign or per fit grade. Every group with any movement in the window is listed; only the
   * `counted` stages are counted (the others read 0), which spares a pass per stage left out.
   */
  groupedCounts(window: Bucket, groupBy: GroupBy, counted: readonly FunnelStage[] = FUNNEL_STAGES): this {
    const presence = FUNNEL_STAGES.filter((stage) => !counted.includes(stage));
    this.groups.set(`${groupBy}:${keyOf(window)}`, { window, stages: counted, presence, groupBy });
    return this;
  }

  /** Handoffs decided (accepted, rejected, within the SLA) and breached in the window. */
  handoffs(window: Bucket): this {
    this.decisions.set(keyOf(window), window);
    return this;
  }

  /**
   * Median and p90 of speed to lead (`speed`) or of the answer's time against its deadline (`margin`);
   * `{ p90: false }`: the median alone (p90 reads null unless another part asks for it).
   */
  percentile(window: Bucket, measure: Measure, options: { p90: boolean } = { p90: true }): this {
    const key = `${measure}:${keyOf(window)}`;
    const p90 = options.p90 || this.percentiles.get(key)?.p90 === true;
    this.percentiles.set(key, { window, measure, p90 });
    return this;
  }

  /**
   * The median of how the answers accepted in the window stood against their deadlines, in working minutes of
   * `hours` (the SLA's clock; see working-margin.ts), as milliseconds of working time.
   */
  workingMargin(window: Bucket, hours: WorkingHours, slaMinutes: number): this {
    this.margins.set(keyOf(window), { window, hours, slaMinutes });
    return this;
  }

  rejectionReasons(window: Bucket): this {
    this.rejections = window;
    return this;
  }

  async fetch(deps: FunnelDeps, scope: { teamId: string; campaignId?: string }): Promise<Figures> {
    const stageRequests: StageRequest[] = [
      ...[...this.stages.values()].map(({ window, stages }) => ({ window, stages: MEASURES.filter((s) => stages.has(s)) })),
      ...this.groups.values(),
    ];
    const decisionWindows = [...this.decisions.values()];
    const series = [...this.percentiles.values()];
    const margins = [...this.margins.values()];
    const [stageRows, handoffs, percentiles, answered] = await Promise.all([
      stageFigures(deps.db, deps.provider, scope, stageRequests),
      decisionWindows.length > 0 || this.rejections
        ? handoffCounts(deps.db, scope, {
            outcomes: decisionWindows,
            breaches: decisionWindows,
            ...(this.rejections ? { rejections: this.rejections } : {}),
          })
        : null,
      handoffPercentiles(deps.db, deps.provider, scope, series),
      Promise.all(margins.map((m) => acceptedHandoffTimes(deps.db, scope, m.window))),
    ]);
    const counts = new Map<string, Map<string, StageCounts>>();
    stageRequests.forEach((request, i) => {
      const key = request.groupBy ? `${request.groupBy}:${keyOf(request.window)}` : keyOf(request.window);
      const rows = stageRows.filter((row) => row.bucket === i);
      counts.set(
        key,
        countsFrom(rows, (row) => row.group ?? ""),
      );
    });
    const decided = new Map(
      decisionWindows.map((w, i) => [keyOf(w), handoffFigures(handoffs?.outcomes ?? [], handoffs?.breaches ?? new Map(), i)]),
    );
    const measured = new Map(series.map((s, i) => [`${s.measure}:${keyOf(s.window)}`, percentiles[i] ?? NOTHING]));
    const working = new Map(
      margins.map((m, i) => {
        const minutes = workingMargins(answered[i] ?? [], m.hours, m.slaMinutes);
        const median = nearestRankMedian(minutes);
        return [keyOf(m.window), { count: minutes.length, p50: median === null ? null : median * 60_000, p90: null }];
      }),
    );
    return new Figures(counts, decided, measured, handoffs?.rejections ?? [], working);
  }
}

const NOTHING: Percentiles = { count: 0, p50: null, p90: null };

/** The answers to FigureRequests, looked up by window. Asking for something not requested is a bug: it throws. */
export class Figures {
  constructor(
    private readonly counts: Map<string, Map<string, StageCounts>>,
    private readonly decided: Map<string, HandoffFigures>,
    private readonly measured: Map<string, Percentiles>,
    readonly rejections: { reason: string; count: number }[],
    private readonly margins: Map<string, Percentiles> = new Map(),
  ) {}

  stageCounts(window: Bucket): StageCounts {
    return this.need(this.counts, keyOf(window)).get("") ?? emptyCounts();
  }

  /** Group key (campaign id, fit grade; "" for none) -> counts. */
  groupedCounts(window: Bucket, groupBy: GroupBy): Map<string, StageCounts> {
    return this.need(this.counts, `${groupBy}:${keyOf(window)}`);
  }

  handoffs(window: Bucket): HandoffFigures {
    return this.need(this.decided, keyOf(window));
  }

  percentile(window: Bucket, measure: Measure): Percentiles {
    return this.need(this.measured, `${measure}:${keyOf(window)}`);
  }

  /** The median margin in working time (p90 null). */
  workingMargin(window: Bucket): Percentiles {
    return this.need(this.margins, keyOf(window));
  }

  private need<T>(map: Map<string, T>, key: string): T {
    const value = map.get(key);
    if (value === undefined) throw new Error(`funnel figure not requested: ${key}`);
    return value;
  }
}

// A digest: the funnel for a period plus what needs action, shaped by the audience (sales, marketing, both).
import type { WaitingHandoffRow } from "../../db/digest-actions.js";
import type { WaitingHandoffs } from "../../db/funnel-handoffs.js";
import type { Lead } from "../../db/leads.js";
import type { StageCounts } from "../funnel/figures.js";
import type { FunnelReport } from "../funnel/funnel-for-period.js";
import type { Period } from "../funnel/periods.js";
import type { Scorecard } from "../funnel/scorecard.js";

export type { WaitingHandoffRow };

export const DIGEST_VIEWS = ["sales", "marketing", "shared"] as const;
export type DigestView = (typeof DIGEST_VIEWS)[number];

/** Every section, in the order a digest shows them: what needs action first, what is nice to know last. */
export const DIGEST_SECTIONS = ["action", "funnel", "pipeline", "sla", "campaigns", "rejections", "fit", "scorecard", "chart"] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

/** What each audience sees when a schedule does not pick its own sections. */
export const VIEW_SECTIONS: Record<DigestView, readonly DigestSection[]> = {
  sales: ["action", "funnel", "pipeline", "sla", "scorecard", "chart"],
  marketing: ["action", "funnel", "campaigns", "rejections", "scorecard", "chart"],
  shared: ["action", "funnel", "campaigns", "scorecard", "chart"],
};

export const CHART_PERIODS = 8;

/** How many waiting handoffs and sent-back leads "Needs action" names, each with its buttons (the rest are counted). */
export const ACTION_ROWS = { waiting: 3, sentBack: 2 } as const;

/** Who acts on what: sales on waiting handoffs, marketing on leads sent back; the shared view shows both. */
export const ACTS_ON: Record<DigestView, { handoffs: boolean; sentBack: boolean }> = {
  sales: { handoffs: true, sentBack: false },
  marketing: { handoffs: false, sentBack: true },
  shared: { handoffs: true, sentBack: true },
};

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
  /** The handoffs waiting longest, by name (up to ACTION_ROWS.waiting), when this audience acts on them. */
  waitingRows: WaitingHandoffRow[];
  /** Leads sales sent back to Nurture in the period, still there (marketing acts on them); null for sales. */
  sentBack: { leads: Lead[]; total: number } | null;
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

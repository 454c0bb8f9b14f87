// The funnel digest as Block Kit: what needs action first, then the funnel, then what is nice to know.
import type { KnownBlock } from "@slack/types";
import type { Digest, DigestSection } from "../../domain/digests/digest.js";
import { centsIn, type Money } from "../../domain/funnel/figures.js";
import type { FunnelReport } from "../../domain/funnel/funnel-for-period.js";
import { DIGEST_VIEW_LABELS, NOT_GRADED, rejectReasonLabel, STAGE_COUNT_LABELS, STAGE_LABELS } from "../../domain/labels.js";
import { DigestActions } from "../ids.js";
import { needsActionBlocks } from "./digest-actions.js";
import {
  change,
  convertedAtText,
  count,
  dateTimeLabel,
  duration,
  durationAtMost,
  inCurrencyOrder,
  moneyList,
  OTHER_CURRENCIES,
  percent,
  periodLabel,
  plural,
  slaLength,
  times,
  versus,
  wholeMoney,
} from "./format.js";
import type { Message } from "./message.js";
import { scorecardBlocks } from "./scorecard.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";
import { slackDate } from "./time.js";

/** How Baton counts, behind the digest's "How we count" button and in the README. */
export const COHORT_RULE =
  "Counts are leads that reached each stage in the period, whenever they were created; conversion rates divide those counts (so they can pass 100%). Changes compare with the previous period of the same length.";

/** What "How we count" adds to the cohort rule. */
export const COUNTING_RULES = [
  "A missed deadline is a handoff whose response deadline passed in the period, answered late or still waiting.",
  "Speed to lead runs from the handoff to the rep's answer; answered in time means by the deadline, in working hours.",
  "Revenue is never added up across currencies: each currency is shown and compared on its own.",
  "Scorecard: :large_green_circle: on track, :large_yellow_circle: at risk, :red_circle: off track, :white_circle: no data yet; each line lists its last periods, oldest first.",
  "The chart shows this period's funnel and the last 8 periods.",
];

/** The budget every digest is held to (test/digests/digest-budget.fast.test.ts): one screen. */
export const DIGEST_BUDGET = { blocks: 15, characters: 1200 } as const;

const NAME_MAX = 60;
const name = (text: string) => escapeMrkdwn(truncate(text, NAME_MAX));

export interface DigestMessageOptions {
  /** The scheduled time of a digest posted late. */
  lateFor?: Date | null;
  /** The chart, uploaded before the message, shown inside it. */
  chart?: { fileId: string; altText: string } | null;
}

export function digestMessage(digest: Digest, options: DigestMessageOptions = {}): Message {
  const { report } = digest;
  if (digest.empty) return quietMessage(digest, options);
  const title = `${report.campaign ? `${truncate(report.campaign.name, 60)} · ` : ""}Funnel · ${periodLabel(report.period)}`;
  const context = [`${DIGEST_VIEW_LABELS[digest.view].title} · times in ${report.context.zone}`];
  if (options.lateFor) {
    context.unshift(`:hourglass: *Posted late*: due ${dateTimeLabel(options.lateFor, report.context.zone)}, when Baton was not running`);
  }
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(title, Limits.headerText) },
    { type: "context", elements: context.map((text) => mrkdwn(text)) },
  ];
  for (const section of digest.sections) blocks.push(...sectionBlocks(section, digest, options));
  blocks.push({
    type: "actions",
    block_id: "digest_more",
    elements: [{ type: "button", action_id: DigestActions.howWeCount, text: plain("How we count", Limits.buttonText), value: digest.view }],
  });
  return { text: fallbackText(digest, options), blocks: blocks.slice(0, Limits.messageBlocks) };
}

/** Nothing happened: one line, with what is still waiting. */
function quietMessage(digest: Digest, options: DigestMessageOptions): Message {
  const { report } = digest;
  const late = options.lateFor ? ` (posted late, due ${dateTimeLabel(options.lateFor, report.context.zone)})` : "";
  const waiting = digest.waiting.waiting > 0 ? ` ${plural(digest.waiting.waiting, "handoff")} still waiting for sales.` : "";
  const campaign = report.campaign ? `${name(report.campaign.name)} · ` : "";
  const text = `:zzz: ${campaign}*${periodLabel(report.period)}*${late}: a quiet period, no lead moved and no handoff was decided.${waiting}`;
  return { text: text.replace(":zzz: ", "").replaceAll("*", ""), blocks: [{ type: "section", text: mrkdwn(text) }] };
}

function sectionBlocks(section: DigestSection, digest: Digest, options: DigestMessageOptions): KnownBlock[] {
  switch (section) {
    case "action":
      return needsActionBlocks(digest);
    case "funnel":
      return headlineBlocks(digest.report);
    case "pipeline":
      return digest.pipeline
        ? [
            {
              type: "section",
              text: mrkdwn(
                `*Pipeline now*: ${plural(digest.pipeline.sql, STAGE_LABELS.sql)} · ${plural(digest.pipeline.opportunity, "opportunity", "opportunities")}`,
              ),
            },
          ]
        : [];
    case "sla":
      return [slaBlock(digest.report, { scorecard: digest.scorecard !== null, action: digest.sections.includes("action") })];
    case "campaigns":
      return digest.report.campaign ? [] : [campaignsBlock(digest.report)];
    case "rejections":
      return digest.rejections ? [rejectionsBlock(digest.rejections)] : [];
    case "fit":
      return [fitBlock(digest.report)];
    case "scorecard":
      return digest.scorecard ? scorecardBlocks(digest.scorecard) : [];
    case "chart":
      return options.chart
        ? [
            {
              type: "image",
              slack_file: { id: options.chart.fileId },
              alt_text: truncate(options.chart.altText, 2000),
              title: plain("Funnel and last 8 periods", 2000),
            },
          ]
        : [];
  }
}

/** Four figures with their change, then the conversion along the funnel. */
function headlineBlocks(report: FunnelReport): KnownBlock[] {
  const c = report.counts;
  const p = report.previousCounts;
  const vs = versus(report.period);
  const field = (label: string, now: string, moved: string) => mrkdwn(`*${label}*: ${now}\n${moved}`);
  const r = report.rates;
  return [
    {
      type: "section",
      fields: [
        field(STAGE_COUNT_LABELS.created, count(c.created), change(c.created, p.created, vs)),
        field(STAGE_COUNT_LABELS.mql, count(c.mql), change(c.mql, p.mql, vs)),
        field(STAGE_COUNT_LABELS.sql, count(c.sql), change(c.sql, p.sql, vs)),
        field(
          `Won (${count(c.won)})`,
          `${truncate(moneyList(c.revenue, report.context.currency), 200)}${
            report.revenueConverted ? `\n_${convertedAtText(report.context.rates.setOn)}_` : ""
          }`,
          revenueChange(c.revenue, p.revenue, report.context.currency, vs),
        ),
      ],
    },
    {
      type: "context",
      elements: [mrkdwn(`Lead → MQL *${percent(r.leadToMql)}* · MQL → SQL *${percent(r.mqlToSql)}* · SQL → Won *${percent(r.sqlToWon)}*`)],
    },
  ];
}

/**
 * Each currency compared with the same currency before (amounts in different ones never add up), the comparison said
 * once: "+$25,500 · +€8,000 vs last week".
 */
function revenueChange(now: Money[], before: Money[], currency: string, vs: string): string {
  const moved = inCurrencyOrder([...now, ...before], currency).map((m) => m.currency);
  const codes = moved.length > 0 ? [...new Set(moved)] : [currency];
  const changes = codes
    .map((code) => change(centsIn(now, code), centsIn(before, code), "", (cents) => wholeMoney(cents, code)).trim())
    .filter((text) => text !== "no change");
  return truncate(changes.length === 0 ? "no change" : `${changes.join(" · ")} ${vs}`, 1700);
}

/** Speed to lead; missed deadlines and answers in time too, unless "Needs action" or the scorecard says them already. */
function slaBlock(report: FunnelReport, shown: { scorecard: boolean; action: boolean }): KnownBlock {
  const h = report.handoffs;
  const sla = report.context.agreement.responseSlaMinutes;
  const parts = [
    !shown.scorecard && h.decided > 0 ? `${count(h.withinSla)} of ${count(h.decided)} answered within ${slaLength(sla)}` : "",
    shown.action ? "" : `${plural(h.breaches, "deadline")} missed in the period`,
    report.speed.count > 0
      ? shown.scorecard
        ? `speed to lead 90% within ${durationAtMost(report.speed.p90)}`
        : `median speed to lead *${duration(report.speed.p50)}* (90% within ${durationAtMost(report.speed.p90)})`
      : "",
  ].filter(Boolean);
  if (parts.length === 0) parts.push("no handoffs answered in the period");
  return { type: "section", text: mrkdwn(`*SLA*: ${parts.join(" · ")}`) };
}

export const CAMPAIGN_LINES = 3;

function campaignsBlock(report: FunnelReport): KnownBlock {
  const { rows, total } = report.campaigns;
  if (rows.length === 0) return { type: "section", text: mrkdwn("*Top campaigns*: none brought leads or deals in this period.") };
  const lines = rows.slice(0, CAMPAIGN_LINES).map((row, i) => {
    const cost = row.costPerLeadCents !== null ? ` · ${wholeMoney(row.costPerLeadCents, row.currency)}/lead` : "";
    const ros =
      row.returnOnSpend !== null
        ? ` · ${times(row.returnOnSpend)} spend`
        : row.returnOnSpendGap === "other_currencies"
          ? ` · return on spend — (${OTHER_CURRENCIES})`
          : "";
    return `${i + 1}. *${name(row.name)}*: ${plural(row.leads, "lead")} · ${plural(row.sqls, STAGE_LABELS.sql)} · ${count(row.won)} won · ${truncate(
      moneyList(row.revenue, row.currency),
      80,
    )}${cost}${ros}`;
  });
  const more = total - Math.min(rows.length, CAMPAIGN_LINES);
  if (more > 0) lines.push(`_…and ${plural(more, "more campaign")} with activity_`);
  if (rows.slice(0, CAMPAIGN_LINES).some((row) => row.converted)) lines.push(`_Revenue ${convertedAtText(report.context.rates.setOn)}_`);
  return { type: "section", text: mrkdwn(`*Top campaigns*\n${lines.join("\n")}`) };
}

function rejectionsBlock(rejections: { reason: string; count: number }[]): KnownBlock {
  if (rejections.length === 0) return { type: "section", text: mrkdwn("*Why sales rejected MQLs*: no rejections in this period.") };
  const reasons = rejections.map((r) => `${name(rejectReasonLabel(r.reason))} ${count(r.count)}`);
  return { type: "section", text: mrkdwn(`*Why sales rejected MQLs*: ${reasons.join(" · ")}`) };
}

function fitBlock(report: FunnelReport): KnownBlock {
  if (report.fitGrades.length === 0) return { type: "section", text: mrkdwn("*By fit*: no leads moved in this period.") };
  const rows = report.fitGrades.map(
    (row) => `*${row.grade ?? NOT_GRADED}* ${count(row.leads)} new → ${count(row.sqls)} SQL → ${count(row.won)} won`,
  );
  return { type: "section", text: mrkdwn(`*By fit*: ${rows.join(" · ")}`) };
}

function fallbackText(digest: Digest, options: DigestMessageOptions): string {
  const { report } = digest;
  const c = report.counts;
  const late = options.lateFor ? " (posted late)" : "";
  return truncate(
    `Funnel for ${periodLabel(report.period)}${late}: ${plural(c.created, "new lead")}, ${plural(c.mql, STAGE_LABELS.mql, STAGE_COUNT_LABELS.mql)}, ${plural(c.sql, STAGE_LABELS.sql, STAGE_COUNT_LABELS.sql)}, ${count(
      c.won,
    )} won (${moneyList(c.revenue, report.context.currency)}). ${plural(report.handoffs.breaches, "SLA breach", "SLA breaches")}, ${plural(digest.waiting.waiting, "handoff")} waiting.`,
    3000,
  );
}

/**
 * For the App Home: this week's team funnel in a few blocks, saying when it was counted (the Home reuses figures
 * up to a minute old).
 */
export function teamFunnelSection(report: FunnelReport): KnownBlock[] {
  const c = report.counts;
  return [
    { type: "header", text: plain(`Team funnel · ${periodLabel(report.period)}`, Limits.headerText) },
    {
      type: "section",
      text: mrkdwn(
        `${count(c.created)} new (${change(c.created, report.previousCounts.created, versus(report.period))}) → ${count(c.mql)} MQL → ${count(c.sql)} SQL → ${count(c.won)} won (${moneyList(
          c.revenue,
          report.context.currency,
        )})`,
      ),
    },
    {
      type: "context",
      elements: [
        mrkdwn(
          `MQL → SQL ${percent(report.rates.mqlToSql)} · SQL → Won ${percent(report.rates.sqlToWon)} · median speed to lead ${duration(report.speed.p50)} · ${plural(report.handoffs.breaches, "missed deadline")}${report.period.inProgress ? ` · as of ${slackDate(report.period.end, "{time}")}` : ""}${
            report.revenueConverted ? ` · revenue ${convertedAtText(report.context.rates.setOn)}` : ""
          }`,
        ),
      ],
    },
  ];
}

// The funnel digest as Block Kit: what needs action first, then the funnel, then what is nice to know.
import type { KnownBlock } from "@slack/types";
import type { Digest, DigestSection } from "../../domain/digests/digest.js";
import { centsIn, type Money } from "../../domain/funnel/figures.js";
import type { FunnelReport } from "../../domain/funnel/funnel-for-period.js";
import { DIGEST_VIEW_LABELS, NOT_GRADED, rejectReasonLabel, STAGE_COUNT_LABELS, STAGE_LABELS } from "../../domain/labels.js";
import {
  arrow,
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
  pointsArrow,
  slaLength,
  wholeMoney,
} from "./format.js";
import type { Message } from "./message.js";
import { scorecardBlocks } from "./scorecard.js";
import { escapeMrkdwn, Limits, mrkdwn, plain, truncate } from "./text.js";
import { slackDate } from "./time.js";

/** The cohort rule, in every digest's footer and in the README. */
export const COHORT_RULE =
  "Counts are leads that reached each stage in the period, whenever they were created; conversion rates divide those counts (so they can pass 100%). Arrows compare with the previous period of the same length.";

const NAME_MAX = 60;
const name = (text: string) => escapeMrkdwn(truncate(text, NAME_MAX));

export interface DigestMessageOptions {
  /** The scheduled time of a digest posted late. */
  lateFor?: Date | null;
}

export function digestMessage(digest: Digest, options: DigestMessageOptions = {}): Message {
  const { report } = digest;
  const title = `${report.campaign ? `${truncate(report.campaign.name, 60)} · ` : ""}Funnel · ${periodLabel(report.period)}`;
  const context = [`${DIGEST_VIEW_LABELS[digest.view].title} · times in ${report.context.zone}`];
  if (options.lateFor) {
    context.unshift(`:hourglass: *Posted late*: due ${dateTimeLabel(options.lateFor, report.context.zone)}, when Baton was not running`);
  }
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(title, Limits.headerText) },
    { type: "context", elements: context.map((text) => mrkdwn(text)) },
  ];
  for (const section of digest.sections) blocks.push(...sectionBlocks(section, digest));
  const footer = digest.sections.includes("chart") ? `${COHORT_RULE} The chart (funnel and last 8 periods) is in the thread.` : COHORT_RULE;
  blocks.push({ type: "context", elements: [mrkdwn(footer)] });
  return { text: fallbackText(digest, options), blocks: blocks.slice(0, Limits.messageBlocks) };
}

function sectionBlocks(section: DigestSection, digest: Digest): KnownBlock[] {
  switch (section) {
    case "action":
      return [actionBlock(digest)];
    case "funnel":
      return funnelBlocks(digest.report);
    case "pipeline":
      return digest.pipeline
        ? [
            {
              type: "section",
              text: mrkdwn(`*Pipeline now*: ${count(digest.pipeline.sql)} SQLs · ${count(digest.pipeline.opportunity)} opportunities`),
            },
          ]
        : [];
    case "sla":
      return [slaBlock(digest.report)];
    case "campaigns":
      return digest.report.campaign ? [] : [campaignsBlock(digest.report)];
    case "rejections":
      return digest.rejections ? [rejectionsBlock(digest.rejections)] : [];
    case "fit":
      return [fitBlock(digest.report)];
    case "scorecard":
      return digest.scorecard ? [{ type: "divider" }, ...scorecardBlocks(digest.scorecard)] : [];
    case "chart":
      return [];
  }
}

function actionBlock(digest: Digest): KnownBlock {
  const { breaches } = digest.report.handoffs;
  const { waiting, overdue, oldestSince } = digest.waiting;
  if (breaches === 0 && waiting === 0)
    return { type: "section", text: mrkdwn(":white_check_mark: *Nothing waiting*: no SLA breaches, no handoffs waiting for sales.") };
  const lines = [":rotating_light: *Needs action*"];
  if (breaches > 0) lines.push(`• *${count(breaches)}* handoff${breaches === 1 ? "" : "s"} missed the response SLA in this period`);
  if (waiting > 0) {
    const oldest = oldestSince ? `, oldest waiting ${duration(Math.max(0, digest.asOf.getTime() - oldestSince.getTime()))}` : "";
    lines.push(`• *${count(waiting)}* handoff${waiting === 1 ? "" : "s"} waiting for sales now (*${count(overdue)}* overdue${oldest})`);
  }
  return { type: "section", text: mrkdwn(lines.join("\n")) };
}

function funnelBlocks(report: FunnelReport): KnownBlock[] {
  const c = report.counts;
  const p = report.previousCounts;
  const field = (label: string, now: number, before: number) => mrkdwn(`*${label}*\n${count(now)}  ${arrow(now, before)}`);
  const r = report.rates;
  const q = report.previousRates;
  const rates = [
    `Lead→MQL *${percent(r.leadToMql)}* ${pointsArrow(r.leadToMql, q.leadToMql)}`,
    `MQL→SQL *${percent(r.mqlToSql)}* ${pointsArrow(r.mqlToSql, q.mqlToSql)}`,
    `SQL→Won *${percent(r.sqlToWon)}* ${pointsArrow(r.sqlToWon, q.sqlToWon)}`,
    `Lead→Won *${percent(r.leadToWon)}* ${pointsArrow(r.leadToWon, q.leadToWon)}`,
  ];
  return [
    {
      type: "section",
      fields: [
        field(STAGE_COUNT_LABELS.created, c.created, p.created),
        field(STAGE_COUNT_LABELS.mql, c.mql, p.mql),
        field(`${STAGE_COUNT_LABELS.sql} (accepted)`, c.sql, p.sql),
        field(STAGE_COUNT_LABELS.opportunity, c.opportunity, p.opportunity),
        field(STAGE_COUNT_LABELS.won, c.won, p.won),
        field(STAGE_COUNT_LABELS.lost, c.lost, p.lost),
        field(STAGE_COUNT_LABELS.nurture, c.nurture, p.nurture),
        mrkdwn(
          `*Revenue won*\n${truncate(revenueLines(c.revenue, p.revenue, report.context.currency), 1900)}${
            report.revenueConverted ? `\n_${convertedAtText(report.context.rates.setOn)}_` : ""
          }`,
        ),
      ],
    },
    { type: "context", elements: [mrkdwn(rates.map((s) => s.trim()).join("  ·  "))] },
  ];
}

/** One line per currency, each compared with the same currency before: amounts in different ones never add up. */
function revenueLines(now: Money[], before: Money[], currency: string): string {
  const moved = inCurrencyOrder([...now, ...before], currency).map((m) => m.currency);
  const codes = moved.length > 0 ? [...new Set(moved)] : [currency];
  return codes.map((code) => `${wholeMoney(centsIn(now, code), code)}  ${arrow(centsIn(now, code), centsIn(before, code))}`).join("\n");
}

function slaBlock(report: FunnelReport): KnownBlock {
  const h = report.handoffs;
  const sla = report.context.agreement.responseSlaMinutes;
  const parts = [
    h.decided > 0
      ? `${percent(h.withinSlaShare)} answered within ${slaLength(sla)} (${count(h.withinSla)} of ${count(h.decided)})`
      : "no handoffs decided",
    `${count(h.breaches)} breach${h.breaches === 1 ? "" : "es"}`,
    report.speed.count > 0
      ? `median speed to lead *${duration(report.speed.p50)}* (90% within ${durationAtMost(report.speed.p90)})${speedChange(report)}`
      : "no handoffs accepted",
    h.decided > 0 ? `${percent(h.acceptanceRate)} accepted` : "",
  ].filter(Boolean);
  return { type: "section", text: mrkdwn(`*SLA and speed to lead*: ${parts.join(" · ")}`) };
}

/** Faster is better: say so, rather than leave a down arrow to be read as bad news. */
function speedChange(report: FunnelReport): string {
  const now = report.speed.p50;
  const before = report.previousSpeed.p50;
  if (now === null || before === null || before === 0 || now === before) return "";
  return ` ${arrow(now, before)} (${now < before ? "faster" : "slower"})`;
}

export const CAMPAIGN_LINES = 5;

function campaignsBlock(report: FunnelReport): KnownBlock {
  const { rows, total } = report.campaigns;
  if (rows.length === 0) return { type: "section", text: mrkdwn("*Top campaigns*: no campaign brought leads or deals in this period.") };
  const lines = rows.slice(0, CAMPAIGN_LINES).map((row, i) => {
    const cost = row.costPerLeadCents !== null ? ` · ${wholeMoney(row.costPerLeadCents, row.currency)}/lead` : "";
    const ros =
      row.returnOnSpend !== null
        ? ` · ${row.returnOnSpend.toFixed(1)}× spend`
        : row.returnOnSpendGap === "other_currencies"
          ? ` · return on spend — (${OTHER_CURRENCIES})`
          : "";
    return `${i + 1}. *${name(row.name)}*: ${plural(row.leads, "lead")} · ${plural(row.sqls, STAGE_LABELS.sql)} · ${count(row.won)} won · ${truncate(
      moneyList(row.revenue, row.currency),
      80,
    )}${cost}${ros}`;
  });
  const more = total - Math.min(rows.length, CAMPAIGN_LINES);
  if (more > 0) lines.push(`_…and ${count(more)} more campaign${more === 1 ? "" : "s"} with activity_`);
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
    `Funnel for ${periodLabel(report.period)}${late}: ${count(c.created)} new leads, ${count(c.mql)} MQLs, ${count(c.sql)} SQLs, ${count(
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
        `${count(c.created)} new ${arrow(c.created, report.previousCounts.created)} → ${count(c.mql)} MQL → ${count(c.sql)} SQL → ${count(c.won)} won (${moneyList(
          c.revenue,
          report.context.currency,
        )})`,
      ),
    },
    {
      type: "context",
      elements: [
        mrkdwn(
          `MQL→SQL ${percent(report.rates.mqlToSql)} · SQL→Won ${percent(report.rates.sqlToWon)} · median speed to lead ${duration(report.speed.p50)} · ${count(
            report.handoffs.breaches,
          )} SLA breaches${report.period.inProgress ? ` · as of ${slackDate(report.period.end, "{time}")}` : ""}${
            report.revenueConverted ? ` · revenue ${convertedAtText(report.context.rates.setOn)}` : ""
          }`,
        ),
      ],
    },
  ];
}

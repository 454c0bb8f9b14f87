// The alignment scorecard as Block Kit: one line per commitment, with its status, number and trend.
import type { KnownBlock } from "@slack/types";
import type { Scorecard, ScorecardLine, Status } from "../../domain/funnel/scorecard.js";
import { convertedAtText, count, duration, percent, slaLength, wholeMoney } from "./format.js";
import { mrkdwn } from "./text.js";

export const STATUS_EMOJI: Record<Status, string> = {
  on_track: ":large_green_circle:",
  at_risk: ":large_yellow_circle:",
  off_track: ":red_circle:",
  no_data: ":white_circle:",
};

export const STATUS_LABEL: Record<Status, string> = {
  on_track: ":large_green_circle: on track",
  at_risk: ":large_yellow_circle: at risk",
  off_track: ":red_circle: off track",
  no_data: ":white_circle: no data yet",
};

const TITLES: Record<ScorecardLine["key"], string> = {
  mqls: "MQLs vs commitment",
  acceptance: "Sales acceptance",
  speed: "Speed to lead",
  within_sla: "Answered in time",
  marketing_revenue: "Marketing-sourced revenue",
};

function figure(line: ScorecardLine): string {
  switch (line.key) {
    case "mqls":
      return `${count(line.extra.mqls)} this month, ${count(line.extra.targetToDate)} due by now`;
    case "acceptance":
      return `${percent(line.extra.rate)} of ${count(line.extra.decided)} (target ${percent(line.extra.target)})`;
    case "speed":
      return `median ${duration(line.extra.medianMs)} (SLA ${slaLength(line.extra.slaMinutes)})`;
    case "within_sla":
      return `${percent(line.extra.share)} of ${count(line.extra.decided)}`;
    case "marketing_revenue": {
      const paces = line.extra.byCurrency;
      const won = paces.map((p) => wholeMoney(p.cents, p.currency)).join(" + ");
      const usual = paces.filter((p) => p.expectedCents > 0).map((p) => wholeMoney(p.expectedCents, p.currency));
      const converted = line.extra.convertedAt ? `, ${convertedAtText(line.extra.convertedAt)}` : "";
      return `${won || wholeMoney(0, line.extra.currency)}${usual.length > 0 ? ` (pace ${usual.join(" + ")})` : ""}${converted}`;
    }
  }
}

function trendValue(line: ScorecardLine, value: number | null): string {
  if (value === null) return "–";
  switch (line.key) {
    case "mqls":
      return count(value);
    case "acceptance":
    case "within_sla":
      return percent(value);
    case "speed":
      return duration(value);
    case "marketing_revenue":
      return wholeMoney(value, line.extra.currency);
  }
}

/** A trend as a list, oldest first: "0, 1, 2, 5"; revenue in each currency on its own. */
function trendList(line: ScorecardLine): string {
  if (line.key === "marketing_revenue" && line.extra.byCurrency.length > 1)
    return line.extra.byCurrency.map((p) => p.trend.map((cents) => wholeMoney(cents, p.currency)).join(", ")).join("; ");
  return line.trend.map((value) => trendValue(line, value)).join(", ");
}

/** One line per term: status (its colour; the words are in "How we count"), term, figure, the last periods as a list. */
export function scorecardLineText(line: ScorecardLine): string {
  return `${STATUS_EMOJI[line.status]} *${TITLES[line.key]}*: ${figure(line)} · _last ${line.trend.length}: ${trendList(line)}_`;
}

export function scorecardBlocks(scorecard: Scorecard, heading = "*Scorecard* against the agreement"): KnownBlock[] {
  return [{ type: "section", text: mrkdwn([heading, ...scorecard.lines.map(scorecardLineText)].join("\n")) }];
}

export function scorecardFallback(scorecard: Scorecard): string {
  return scorecard.lines.map((line) => `${TITLES[line.key]}: ${line.status.replace("_", " ")}`).join("; ");
}

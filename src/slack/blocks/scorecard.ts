// The alignment scorecard as Block Kit: one line per commitment, with its status, number and trend.
import type { KnownBlock } from "@slack/types";
import type { Scorecard, ScorecardLine, Status } from "../../domain/funnel/scorecard.js";
import { convertedAtText, count, duration, percent, slaLength, wholeMoney } from "./format.js";
import { mrkdwn } from "./text.js";

export const STATUS_LABEL: Record<Status, string> = {
  on_track: ":large_green_circle: on track",
  at_risk: ":large_yellow_circle: at risk",
  off_track: ":red_circle: off track",
  no_data: ":white_circle: no data yet",
};

const TITLES: Record<ScorecardLine["key"], string> = {
  mqls: "MQLs vs marketing's commitment",
  acceptance: "Sales acceptance rate",
  speed: "Speed to lead vs the response SLA",
  within_sla: "Handoffs answered within the SLA",
  marketing_revenue: "Revenue from marketing-sourced leads",
};

function figure(line: ScorecardLine): string {
  switch (line.key) {
    case "mqls":
      return `${count(line.extra.mqls)} this month, ${count(line.extra.targetToDate)} due by now (${count(line.extra.monthlyTarget)} a month)`;
    case "acceptance":
      return `${percent(line.extra.rate)} of ${count(line.extra.decided)} decided handoffs accepted (target ${percent(line.extra.target)})`;
    case "speed": {
      const margin = line.extra.medianMarginMs;
      const vsDeadline =
        margin === null
          ? ""
          : margin <= 0
            ? ` · typically ${duration(-margin)} of working time before the deadline`
            : ` · typically ${duration(margin)} of working time past the deadline`;
      return `median ${duration(line.extra.medianMs)} (SLA ${slaLength(line.extra.slaMinutes)})${vsDeadline}`;
    }
    case "within_sla":
      return `${percent(line.extra.share)} of ${count(line.extra.decided)} decided handoffs answered in time`;
    case "marketing_revenue": {
      const paces = line.extra.byCurrency;
      const won = paces.map((p) => wholeMoney(p.cents, p.currency)).join(" + ");
      const usual = paces.filter((p) => p.expectedCents > 0).map((p) => wholeMoney(p.expectedCents, p.currency));
      const converted = line.extra.convertedAt ? `, ${convertedAtText(line.extra.convertedAt)}` : "";
      return `${won} won from campaign leads${usual.length > 0 ? ` (usual pace ${usual.join(" + ")})` : ""}${converted}`;
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

export function scorecardLineText(line: ScorecardLine): string {
  const trend =
    line.key === "marketing_revenue"
      ? line.extra.byCurrency.map((p) => p.trend.map((cents) => wholeMoney(cents, p.currency)).join(" → ")).join(" · ")
      : line.trend.map((value) => trendValue(line, value)).join(" → ");
  return `${STATUS_LABEL[line.status]}  *${TITLES[line.key]}*: ${figure(line)}\n      _last ${line.trend.length} periods: ${trend}_`;
}

export function scorecardBlocks(scorecard: Scorecard, heading = "*Alignment scorecard*: each side against the agreement"): KnownBlock[] {
  return [
    { type: "section", text: mrkdwn(heading) },
    { type: "section", text: mrkdwn(scorecard.lines.map(scorecardLineText).join("\n")) },
  ];
}

export function scorecardFallback(scorecard: Scorecard): string {
  return scorecard.lines.map((line) => `${TITLES[line.key]}: ${line.status.replace("_", " ")}`).join("; ");
}

// Human summaries of playbook changes: what the record keeps and what both channels read.
import type { AgreementTerms } from "./agreement-input.js";
import type { BrandInput } from "./brand-input.js";
import { formatRate, formatWorkingTime, listOrAny, quote } from "./describe.js";
import type { SegmentInput } from "./icp-input.js";

const CRITERIA: [keyof Omit<SegmentInput, "name">, string][] = [
  ["industries", "industries"],
  ["companySizes", "company sizes"],
  ["regions", "regions"],
  ["titles", "job titles"],
];

export function describeSegment(segment: SegmentInput): string {
  return CRITERIA.filter(([key]) => segment[key].length > 0)
    .map(([key, label]) => `${label} ${listOrAny(segment[key])}`)
    .join(" · ");
}

/** What changed in a segment, or "" when nothing did. `before` null: added; `after` null: removed. */
export function segmentChangeSummary(before: SegmentInput | null, after: SegmentInput | null): string {
  if (!before && after) return `Added ICP segment ${quote(after.name)}: ${describeSegment(after)}.`;
  if (before && !after) return `Removed ICP segment ${quote(before.name)} (${describeSegment(before)}).`;
  if (!before || !after) return "";
  const parts: string[] = [];
  if (before.name !== after.name) parts.push(`renamed to ${quote(after.name)}`);
  for (const [key, label] of CRITERIA) {
    if (!sameList(before[key], after[key])) parts.push(`${label} ${listOrAny(before[key])} → ${listOrAny(after[key])}`);
  }
  return parts.length > 0 ? `Changed ICP segment ${quote(before.name)}: ${parts.join("; ")}.` : "";
}

/** What changed in the brand guide, or "" when nothing did. */
export function brandChangeSummary(before: BrandInput, after: BrandInput): string {
  const parts: string[] = [];
  if (before.positioning !== after.positioning) parts.push(`positioning ${quote(before.positioning)} → ${quote(after.positioning)}`);
  if (before.tone !== after.tone) parts.push(`tone of voice now ${quote(after.tone)}`);
  const messages = listDiff(before.keyMessages, after.keyMessages);
  if (messages) parts.push(`key messages: ${messages}`);
  const words = listDiff(before.wordsToAvoid, after.wordsToAvoid);
  if (words) parts.push(`words to avoid: ${words}`);
  if (before.logoUrl !== after.logoUrl) parts.push(after.logoUrl ? "new logo link" : "logo link removed");
  if (before.templatesUrl !== after.templatesUrl) parts.push(after.templatesUrl ? "new templates link" : "templates link removed");
  return parts.length > 0 ? `Brand guide: ${parts.join("; ")}.` : "";
}

/** What changed in the agreement, or "" when nothing did. */
export function agreementChangeSummary(before: AgreementTerms, after: AgreementTerms): string {
  const parts: string[] = [];
  if (before.mqlMonthlyTarget !== after.mqlMonthlyTarget) {
    parts.push(`monthly MQL target ${before.mqlMonthlyTarget} → ${after.mqlMonthlyTarget}`);
  }
  if (before.responseSlaMinutes !== after.responseSlaMinutes) {
    parts.push(
      `sales responds within ${formatWorkingTime(before.responseSlaMinutes)} → ${formatWorkingTime(after.responseSlaMinutes)} (working time)`,
    );
  }
  if (before.acceptanceRateTarget !== after.acceptanceRateTarget) {
    parts.push(`target acceptance rate ${formatRate(before.acceptanceRateTarget)} → ${formatRate(after.acceptanceRateTarget)}`);
  }
  return parts.length > 0 ? `Sales-marketing agreement: ${parts.join("; ")}.` : "";
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function listDiff(before: string[], after: string[]): string {
  const added = after.filter((item) => !before.includes(item));
  const removed = before.filter((item) => !after.includes(item));
  const parts = [
    ...(added.length > 0 ? [`added ${added.map((item) => quote(item, 60)).join(", ")}`] : []),
    ...(removed.length > 0 ? [`removed ${removed.map((item) => quote(item, 60)).join(", ")}`] : []),
  ];
  if (parts.length === 0 && !sameList(before, after)) return "reordered";
  return parts.join(", ");
}

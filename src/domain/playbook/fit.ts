// How well a lead fits the ideal customer profile (ICP): a grade from A (fits) to D (does not).
//
// The rule, per segment: each criterion the segment sets (industries, company sizes, regions, job titles; an
// empty list sets none) is met or not. The share of criteria met gives the grade:
//   A = every criterion met; B = at least three quarters (3 of 4); C = at least half (2 of 4, 1 of 2, 2 of 3);
//   D = less than half, e.g. a segment's only criterion missed, 1 of 4, or a field the lead does not have.
// A lead's grade is its best grade over all segments; ties go to the segment that meets more criteria, then to
// the one listed first. Its fit segment is that segment, or none for D. Without segments there is no grade.
//
// Matching: company size is one of the segment's bands. Industry, region and job title match when the lead's
// value contains one of the segment's entries as whole words, ignoring case and punctuation: "SaaS" matches
// "B2B SaaS", "VP" matches "VP Marketing" but not "VPN admin", "Europe" matches "Western Europe".
import type { FIT_GRADES } from "../leads/lead-input.js";

export type FitGrade = (typeof FIT_GRADES)[number];

export interface FitCriteria {
  industries: string[];
  companySizes: string[];
  regions: string[];
  titles: string[];
}

export interface SegmentCriteria extends FitCriteria {
  id: string;
}

export interface FitFields {
  industry?: string | null | undefined;
  companySize?: string | null | undefined;
  region?: string | null | undefined;
  title?: string | null | undefined;
}

export interface Fit {
  grade: FitGrade;
  segmentId: string | null;
}

/** The lead's fit against the segments, or undefined when there are none (no ICP: grades stay hand-picked). */
export function fitOf(lead: FitFields, segments: SegmentCriteria[]): Fit | undefined {
  let best: { grade: FitGrade; met: number; segmentId: string } | undefined;
  for (const segment of segments) {
    const checks = criteriaChecks(lead, segment);
    if (checks.length === 0) continue;
    const met = checks.filter(Boolean).length;
    const grade = gradeFor(met / checks.length);
    if (!best || grade < best.grade || (grade === best.grade && met > best.met)) best = { grade, met, segmentId: segment.id };
  }
  if (!best) return segments.length > 0 ? { grade: "D", segmentId: null } : undefined;
  return { grade: best.grade, segmentId: best.grade === "D" ? null : best.segmentId };
}

function gradeFor(share: number): FitGrade {
  if (share >= 1) return "A";
  if (share >= 0.75) return "B";
  if (share >= 0.5) return "C";
  return "D";
}

/** One boolean per criterion the segment sets. */
function criteriaChecks(lead: FitFields, segment: FitCriteria): boolean[] {
  const checks: boolean[] = [];
  if (segment.industries.length > 0) checks.push(containsAny(lead.industry, segment.industries));
  if (segment.companySizes.length > 0) checks.push(Boolean(lead.companySize && segment.companySizes.includes(lead.companySize)));
  if (segment.regions.length > 0) checks.push(containsAny(lead.region, segment.regions));
  if (segment.titles.length > 0) checks.push(containsAny(lead.title, segment.titles));
  return checks;
}

/** Lower-case words separated by single spaces, padded so that " term " finds whole words only. */
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

function containsAny(value: string | null | undefined, entries: string[]): boolean {
  if (!value) return false;
  const haystack = words(value);
  return entries.some((entry) => {
    const needle = words(entry);
    return needle.trim() !== "" && haystack.includes(needle);
  });
}

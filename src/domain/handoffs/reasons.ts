// Why sales sends a handed-off lead back to marketing: a fixed list, so the funnel can count reasons (their words
// are in ../labels.ts).
export const REJECT_REASON_KEYS = [
  "unable_to_reach",
  "inaccurate_data",
  "no_interest",
  "no_budget",
  "not_a_fit",
  "duplicate",
  "other",
] as const;

export type RejectReason = (typeof REJECT_REASON_KEYS)[number];

export function isRejectReason(value: string | null | undefined): value is RejectReason {
  return value !== null && value !== undefined && (REJECT_REASON_KEYS as readonly string[]).includes(value);
}

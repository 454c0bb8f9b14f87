// Why sales sends a handed-off lead back to marketing: a fixed list, so the funnel can count reasons.
export const REJECT_REASONS = {
  unable_to_reach: "Unable to reach",
  inaccurate_data: "Inaccurate data",
  no_interest: "No interest or need",
  no_budget: "No budget",
  not_a_fit: "Not a fit",
  duplicate: "Duplicate",
  other: "Other",
} as const;

export type RejectReason = keyof typeof REJECT_REASONS;

export const REJECT_REASON_KEYS = Object.keys(REJECT_REASONS) as RejectReason[];

export function isRejectReason(value: string | null | undefined): value is RejectReason {
  return value !== null && value !== undefined && Object.hasOwn(REJECT_REASONS, value);
}

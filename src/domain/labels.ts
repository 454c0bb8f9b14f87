// Every word Baton shows people for a fixed value: reject reasons, stages, campaign channels, fit grades, digest
// views, sections and periods. Slack builders, CSV exports, domain messages and the README use these and no copy
// of them (test/platform/labels.fast.test.ts fails on a copy). The keys are the stored values; the lists of keys
// live with their rules (leads/stages.ts, handoffs/reasons.ts, ...), and indexing a table with one of those types
// fails to compile when a key has no label. Nothing here imports anything, so any layer may use it.

/** Why sales sent a handed-off lead back to marketing. */
export const REJECT_REASON_LABELS = {
  unable_to_reach: "Unable to reach",
  inaccurate_data: "Inaccurate data",
  no_interest: "No interest or need",
  no_budget: "No budget",
  not_a_fit: "Not a fit",
  duplicate: "Duplicate",
  other: "Other",
} as const;

/** A stored reason as a person reads it; a value from before the fixed list is shown as stored. */
export function rejectReasonLabel(reason: string | null): string {
  if (reason === null) return "no reason given";
  return Object.hasOwn(REJECT_REASON_LABELS, reason) ? REJECT_REASON_LABELS[reason as keyof typeof REJECT_REASON_LABELS] : reason;
}

export const STAGE_LABELS = {
  new: "New",
  mql: "MQL",
  sql: "SQL",
  opportunity: "Opportunity",
  won: "Won",
  lost: "Lost",
  nurture: "Nurture",
} as const;

export function stageLabel(stage: string | null): string {
  if (stage === null) return "?";
  return Object.hasOwn(STAGE_LABELS, stage) ? STAGE_LABELS[stage as keyof typeof STAGE_LABELS] : stage;
}

/** How a count of leads is headed in the funnel, by stage ("created": leads created in the period). */
export const STAGE_COUNT_LABELS = {
  created: "New leads",
  mql: "MQLs",
  sql: "SQLs",
  opportunity: "Opportunities",
  won: STAGE_LABELS.won,
  lost: STAGE_LABELS.lost,
  nurture: STAGE_LABELS.nurture,
} as const;

/** Where a campaign runs, as marketers name it. */
export const CHANNEL_LABELS = {
  social: "Social",
  seo: "SEO",
  email: "Email",
  paid_search: "Paid search",
  display: "Display",
  print: "Print",
  events: "Events",
  webinar: "Webinar",
  referral: "Referral",
  other: "Other",
} as const;

export function channelLabel(channel: string): string {
  return Object.hasOwn(CHANNEL_LABELS, channel) ? CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS] : channel;
}

/** What each fit grade means; the grade itself (A-D) is shown as is. */
export const FIT_GRADE_LABELS = {
  A: "great fit",
  B: "good fit",
  C: "weak fit",
  D: "poor fit",
} as const;

/** A lead without a fit grade. */
export const NOT_GRADED = "not graded";

/** A digest's audience: its name in settings, its title on the digest, and what it stresses (the editor). */
export const DIGEST_VIEW_LABELS = {
  sales: { name: "Sales view", title: "Sales digest", stresses: "Sales: handoffs, breaches, pipeline" },
  marketing: { name: "Marketing view", title: "Marketing digest", stresses: "Marketing: campaigns, rejection reasons" },
  shared: { name: "Shared view", title: "Sales and marketing", stresses: "Shared: both" },
} as const;

export const DIGEST_SECTION_LABELS = {
  action: "Needs action (breaches, waiting handoffs)",
  funnel: "Funnel counts and conversion",
  pipeline: "Pipeline now (SQLs, opportunities)",
  sla: "SLA and speed to lead",
  campaigns: "Top campaigns",
  rejections: "Rejection reasons",
  fit: "By fit grade",
  scorecard: "Alignment scorecard",
  chart: "Chart (funnel and trend)",
} as const;

/** A scheduled digest's period, and which period it covers. */
export const DIGEST_PERIOD_LABELS = {
  daily: "Daily (yesterday)",
  weekly: "Weekly (last week)",
  monthly: "Monthly (last month)",
} as const;

/** The admin's setup checklist on the App Home: what each item is, done or not. */
export const SETUP_ITEM_LABELS = {
  channels: "Channels: where handoff cards and marketing notices go",
  salesTeam: "Sales team: who may accept, reject and assign handoffs",
  rotation: "Rotation: who gets new handoffs",
  digests: "Digests: the funnel posted on a schedule",
  leadIntake: "Web forms and lead sources: leads that arrive by themselves",
} as const;

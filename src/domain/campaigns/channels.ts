/** Where a campaign runs (the words people see are in ../labels.ts). */
export const CAMPAIGN_CHANNELS = [
  "social",
  "seo",
  "email",
  "paid_search",
  "display",
  "print",
  "events",
  "webinar",
  "referral",
  "other",
] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

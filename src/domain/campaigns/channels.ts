/** Where a campaign runs, as marketers name it. */
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

export const CHANNEL_LABELS: Record<CampaignChannel, string> = {
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
};

export function channelLabel(channel: string): string {
  return CHANNEL_LABELS[channel as CampaignChannel] ?? channel;
}

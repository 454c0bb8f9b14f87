// What a valid campaign is: the one definition behind the /campaign modal (new and edit).
import { z } from "zod";
import { blankToUndefined, optionalWebUrl, optionalText as text } from "../../lib/input.js";
import { formatMoney, isCurrency, parseAmount } from "../../lib/money.js";
import { fieldErrors } from "../form-errors.js";
import { CAMPAIGN_CHANNELS } from "./channels.js";

export const CAMPAIGN_LIMITS = { name: 80, product: 150, offer: 150, place: 150, promotion: 1000, keyMessage: 300, url: 2000 } as const;

/** The largest budget Baton stores, in minor units (the column is a 32-bit integer): 20,000,000.00 USD. */
export const MAX_BUDGET_MINOR = 2_000_000_000;

const schema = z.object({
  name: z
    .string({ message: "Give the campaign a name." })
    .trim()
    .min(1, "Give the campaign a name.")
    .max(CAMPAIGN_LIMITS.name, `A campaign name can be at most ${CAMPAIGN_LIMITS.name} characters.`),
  channel: z.preprocess(blankToUndefined, z.enum(CAMPAIGN_CHANNELS, { message: "Pick the channel the campaign runs in." })),
  product: text(CAMPAIGN_LIMITS.product, "The product"),
  offer: text(CAMPAIGN_LIMITS.offer, "The price or offer"),
  place: text(CAMPAIGN_LIMITS.place, "The place"),
  promotion: text(CAMPAIGN_LIMITS.promotion, "The promotion message"),
  keyMessage: text(CAMPAIGN_LIMITS.keyMessage, "The key message"),
  keyMessageId: z.preprocess(blankToUndefined, z.string().max(75).optional()),
  segmentId: z.preprocess(blankToUndefined, z.string().max(64).optional()),
  budget: z.preprocess(blankToUndefined, z.string().max(40, "That budget is too long to be a number.").optional()),
  currency: z.preprocess(
    blankToUndefined,
    z
      .string({ message: "Pick a currency." })
      .trim()
      .toUpperCase()
      .refine(isCurrency, "Use a three-letter ISO currency code such as USD, EUR or GBP."),
  ),
  startsOn: z.preprocess(blankToUndefined, z.iso.date("Pick the date the campaign starts.")),
  endsOn: z.preprocess(blankToUndefined, z.iso.date("Pick a valid end date.").optional()),
  ownerId: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[UW][A-Z0-9]{2,31}$/, "Pick the owner from the list of people.")
      .optional(),
  ),
  assetsUrl: optionalWebUrl(CAMPAIGN_LIMITS.url),
});

/** Step 1 of the form, the basics; everything else (the four Ps, key message, segment, assets) is step 2. */
export const CAMPAIGN_BASIC_FIELDS = ["name", "channel", "ownerId", "startsOn", "endsOn", "budget", "currency"] as const;

export type CampaignInput = Omit<z.infer<typeof schema>, "budget"> & { budgetMinor: number | undefined };
export type CampaignField = keyof z.input<typeof schema>;

export type ParsedCampaign = { ok: true; campaign: CampaignInput } | { ok: false; errors: Partial<Record<CampaignField, string>> };

/** Validates what the modal sent; on failure, one message per field a person can act on. */
export function parseCampaignInput(raw: unknown): ParsedCampaign {
  const result = schema.safeParse(raw);
  const errors = fieldErrors<CampaignField>(result.error?.issues ?? []);
  // Checks across fields run on their own, so that a person sees every problem at once.
  const dates = schema.pick({ startsOn: true, endsOn: true }).safeParse(raw);
  if (dates.success && dates.data.endsOn && dates.data.endsOn < dates.data.startsOn) {
    errors.endsOn ??= "The end date can't be before the start date.";
  }
  const money = schema.pick({ budget: true, currency: true }).safeParse(raw);
  const budget = money.success && money.data.budget !== undefined ? parseBudget(money.data.budget, money.data.currency) : undefined;
  if (typeof budget === "string") errors.budget ??= budget;
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const { budget: _typed, ...campaign } = result.data;
  return { ok: true, campaign: { ...campaign, budgetMinor: typeof budget === "number" ? budget : undefined } };
}

/** The budget in minor units, or what is wrong with it. */
function parseBudget(budget: string, currency: string): number | string {
  const parsed = parseAmount(budget, currency);
  if (!parsed.ok) {
    if (parsed.problem === "negative") return "A budget can't be negative.";
    if (parsed.problem === "decimals") return `That's more decimals than ${currency} has.`;
    return "Write the budget as a number, for example 12500 or 12,500.50.";
  }
  if (parsed.minor > MAX_BUDGET_MINOR) return `A budget can be at most ${formatMoney(MAX_BUDGET_MINOR, currency)}.`;
  return parsed.minor;
}

/** The campaign's identity within a workspace: its name, trimmed, spaces collapsed and lower-cased. */
export function campaignNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

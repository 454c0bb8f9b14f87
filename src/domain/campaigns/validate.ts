// Turns what the campaign modal sent into the columns to store, or every problem at once as inline errors.

import { type CampaignColumns, type CampaignWithSegment, findCampaignByNameKey } from "../../db/campaigns.js";
import type { Db } from "../../db/client.js";
import { invalidInput } from "../form-errors.js";
import { campaignNameKey, parseCampaignInput } from "./campaign-input.js";
import { dayToDate } from "./details.js";
import { resolveReferences } from "./references.js";

/**
 * `current` is the campaign being edited (its own name is not a clash; its key message stays valid).
 * `defaultCurrency` fills an empty currency; `actorId` an empty owner.
 */
export async function validateCampaign(
  db: Db,
  teamId: string,
  raw: Record<string, unknown>,
  options: { defaultCurrency: string; actorId: string; current?: CampaignWithSegment },
): Promise<CampaignColumns> {
  const parsed = parseCampaignInput({ ...raw, currency: raw.currency ?? options.defaultCurrency });
  if (!parsed.ok) throw invalidInput(parsed.errors);
  const input = parsed.campaign;
  const references = await resolveReferences(db, teamId, input, options.current?.keyMessage);
  const nameKey = campaignNameKey(input.name);
  const clash = await findCampaignByNameKey(db, teamId, nameKey);
  const errors: Record<string, string | undefined> = { ...references.errors };
  if (clash && clash.id !== options.current?.id) {
    errors.name = `There's already a campaign called “${clash.name}” in this workspace (names ignore upper and lower case). Pick another name.`;
  }
  if (Object.values(errors).some(Boolean)) throw invalidInput(errors);
  return {
    name: input.name,
    nameKey,
    channel: input.channel,
    product: input.product ?? null,
    offer: input.offer ?? null,
    place: input.place ?? null,
    promotion: input.promotion ?? null,
    keyMessage: references.keyMessage,
    segmentId: references.segmentId,
    budgetCents: input.budgetMinor ?? null,
    currency: input.currency,
    startsOn: dayToDate(input.startsOn),
    endsOn: input.endsOn ? dayToDate(input.endsOn) : null,
    ownerId: input.ownerId ?? options.actorId,
    assetsUrl: input.assetsUrl ?? null,
  };
}

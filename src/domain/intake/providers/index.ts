import { calendly } from "./calendly.js";
import { generic } from "./generic.js";
import { hubspot } from "./hubspot.js";
import { tally } from "./tally.js";
import { typeform } from "./typeform.js";
import type { ProviderId, ProviderSpec } from "./types.js";
import { webflow } from "./webflow.js";

export const PROVIDERS: Record<ProviderId, ProviderSpec> = { typeform, tally, webflow, hubspot, calendly, generic };

export const isProviderId = (value: string): value is ProviderId => Object.hasOwn(PROVIDERS, value);

export type { ProviderId, ProviderRequest, ProviderSpec } from "./types.js";

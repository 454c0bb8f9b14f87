// Where to paste Baton's address and secret in each provider's own screens (the README says the same).
import type { ProviderId } from "../../domain/intake/providers/index.js";

export const PROVIDER_CHOICES: { id: ProviderId; label: string }[] = [
  { id: "typeform", label: "Typeform" },
  { id: "tally", label: "Tally" },
  { id: "webflow", label: "Webflow form" },
  { id: "hubspot", label: "HubSpot workflow" },
  { id: "calendly", label: "Calendly booking" },
  { id: "generic", label: "Zapier, Make or another tool" },
];

export const providerLabel = (id: string): string => PROVIDER_CHOICES.find((p) => p.id === id)?.label ?? id;

/** The steps for one provider, with the address filled in (mrkdwn). */
export function setupSteps(provider: string, url: string): string {
  switch (provider) {
    case "typeform":
      return `In Typeform: your form → *Connect* → *Webhooks* → *Add a webhook*, paste \`${url}\`; then *Edit* → *Secret*, paste the secret; switch the webhook *On*.`;
    case "tally":
      return `In Tally: your form → *Integrations* → *Webhooks* → *Connect*: *Endpoint URL* \`${url}\`; turn on *Signing secret* and paste the secret.`;
    case "webflow":
      return `Create a \`form_submission\` webhook for your site (Webflow's API or app) with the URL \`${url}\`. Webflow signs with the secret of the app that created it: that is the secret you give Baton.`;
    case "hubspot":
      return `In HubSpot: *Automation* → *Workflows* → your workflow → *+* → *Send a webhook*: method *POST*, URL \`${url}\`, *Authentication type* → *Include request signature in header* with your app's ID. Give Baton that app's client secret.`;
    case "calendly":
      return `Create the subscription with \`POST https://api.calendly.com/webhook_subscriptions\`: \`url\` = \`${url}\`, \`events\` = \`["invitee.created"]\`, \`signing_key\` = the secret.`;
    default:
      return `Zapier: *Webhooks by Zapier* → *POST*, URL \`${url}\`, payload type *JSON*, header \`Authorization: Bearer <secret>\`. Make: *HTTP* → *Make a request*, the same. Add an \`Idempotency-Key\` header to make retries safe.`;
  }
}

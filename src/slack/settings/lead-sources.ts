import type { WebClient } from "@slack/web-api";
import { SOURCE_PATH_PREFIX } from "../../http/webhooks.js";
import { isAppError } from "../../lib/errors.js";
import { plural } from "../blocks/format.js";
import { leadSourcesView } from "../blocks/lead-sources.js";
import { messageFor } from "../errors.js";
import type { ListenerDeps } from "../listener-deps.js";
import type { SettingsSection } from "./section.js";

export function sourceUrl(deps: Pick<ListenerDeps, "publicUrl">, sourceId: string): string {
  return `${deps.publicUrl ?? "https://<your Baton address>"}${SOURCE_PATH_PREFIX}${sourceId}`;
}

/** The campaigns admins can pick for a default or a mapping: running ones first, at most 100. */
export async function campaignPicks(deps: ListenerDeps, teamId: string): Promise<{ id: string; name: string }[]> {
  return (await deps.services.leads.campaignChoices(teamId, "")).map(({ id, name }) => ({ id, name }));
}

/** The list as it is now: sources with their addresses and counts, the unknown codes, the campaigns to map them to. */
export async function leadSourcesList(deps: ListenerDeps, teamId: string, note?: string) {
  const [sources, codes, campaigns] = await Promise.all([
    deps.services.leadSources.list(teamId),
    deps.services.leadSources.unmatchedCodes(teamId),
    campaignPicks(deps, teamId),
  ]);
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  return leadSourcesView({
    sources: sources.map((s) => ({
      ...s,
      url: sourceUrl(deps, s.id),
      campaignName: s.defaultCampaignId ? (names.get(s.defaultCampaignId) ?? null) : null,
    })),
    codes,
    campaigns,
    ...(note ? { note } : {}),
  });
}

/** Redraws the list underneath a form or after a change (best effort: it is only a view). */
export async function refreshLeadSources(client: WebClient, deps: ListenerDeps, teamId: string, viewId: string | undefined, note?: string) {
  if (!viewId) return;
  try {
    await client.views.update({ view_id: viewId, view: await leadSourcesList(deps, teamId, note) });
  } catch (error) {
    deps.logger.warn({ err: error, teamId }, "could not refresh the lead sources list");
  }
}

/**
 * Runs a change made from the list; a problem the person can act on (not an admin, a campaign removed meanwhile) is
 * shown at the top of the list they are looking at. Anything else is rethrown for app.error.
 */
export async function changeFromList(
  client: WebClient,
  deps: ListenerDeps,
  teamId: string,
  viewId: string | undefined,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    await refreshLeadSources(client, deps, teamId, viewId, messageFor(error));
    if (!isAppError(error)) throw error;
  }
}

/** /baton settings → Lead sources. */
export const leadSourcesSection: SettingsSection = {
  key: "lead_sources",
  title: "Lead sources",
  async summary({ deps, teamId }) {
    const [sources, codes] = await Promise.all([deps.services.leadSources.list(teamId), deps.services.leadSources.unmatchedCodes(teamId)]);
    if (sources.length === 0) return "None yet: add Typeform, Tally, Webflow, HubSpot, Calendly, Zapier or Make to receive their leads.";
    const waiting = codes.length > 0 ? ` · ${plural(codes.length, "unknown tracking code")} to map` : "";
    return `${plural(sources.length, "source")}: ${sources.map((s) => s.name).join(", ")}${waiting}`;
  },
  async open({ client, deps, teamId, triggerId }) {
    await client.views.push({ trigger_id: triggerId, view: await leadSourcesList(deps, teamId) });
  },
};

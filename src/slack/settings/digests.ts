import { digestsListView, digestsSummary } from "../blocks/digest-settings.js";
import type { SettingsSection } from "./section.js";

/** /baton settings → Digests: list, add, change and remove scheduled funnel digests. */
export const digestsSection: SettingsSection = {
  key: "digests",
  title: "Digests",
  summary: async ({ teamId, deps }) => digestsSummary(await deps.services.digestSchedules.list(teamId)),
  open: async ({ client, teamId, deps, triggerId }) => {
    await client.views.push({ trigger_id: triggerId, view: digestsListView(await deps.services.digestSchedules.list(teamId)) });
  },
};

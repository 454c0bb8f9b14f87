import type { WebClient } from "@slack/web-api";
import { channelsSettingsModal, type UserGroupChoice } from "../blocks/channels-settings.js";
import { channelLink } from "../blocks/text.js";
import type { SettingsSection } from "./section.js";

/** The workspace's Slack user groups for the sales-team select; none when Slack won't say (e.g. a free plan). */
export async function userGroups(client: WebClient): Promise<UserGroupChoice[]> {
  try {
    const result = await client.usergroups.list({ include_disabled: false });
    return (result.usergroups ?? [])
      .filter((g) => g.id)
      .map((g) => ({ id: g.id ?? "", name: g.handle ? `@${g.handle}${g.name ? ` (${g.name})` : ""}` : (g.name ?? g.id ?? "") }));
  } catch {
    // No user groups on this plan (or no permission to list them): the modal offers people only.
    return [];
  }
}

/** "Channels and people": sales and marketing channels, the sales team, Baton admins, time zone, working hours. */
export const channelsAndPeopleSection: SettingsSection = {
  key: "channels_people",
  title: "Channels and people",
  async summary({ deps, teamId }) {
    const s = await deps.services.channelsAndPeople.get(teamId);
    const channel = (id: string | null) => (id ? channelLink(id) : "not set");
    const team = s.salesUserGroupId
      ? `<!subteam^${s.salesUserGroupId}>`
      : s.salesUserIds.length > 0
        ? `${s.salesUserIds.length} people`
        : "anyone";
    return `Sales: ${channel(s.salesChannelId)} · Marketing: ${channel(s.marketingChannelId)} · Sales team: ${team} · ${s.timezone}`;
  },
  async open({ client, deps, teamId, triggerId }) {
    const [current, groups] = await Promise.all([deps.services.channelsAndPeople.get(teamId), userGroups(client)]);
    await client.views.push({ trigger_id: triggerId, view: channelsSettingsModal(current, groups) });
  },
};

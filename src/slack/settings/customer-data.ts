import { customerDataModal } from "../blocks/customer-data-settings.js";
import { userGroups } from "./channels-and-people.js";
import type { SettingsSection } from "./section.js";

const teamOf = (groupId: string | null, people: string[], empty: string) =>
  groupId ? `<!subteam^${groupId}>` : people.length > 0 ? `${people.length} ${people.length === 1 ? "person" : "people"}` : empty;

/** "Customer data": who marketing is and who may export every lead, with the latest exports. */
export const customerDataSection: SettingsSection = {
  key: "customer_data",
  title: "Customer data",
  async summary({ deps, teamId }) {
    const s = await deps.services.customerData.get(teamId);
    const marketing = teamOf(s.marketingUserGroupId, s.marketingUserIds, "every member but guests");
    const exporters = teamOf(s.exportUserGroupId, s.exportUserIds, "nobody else");
    return `Marketing: ${marketing} · Export: admins and ${exporters} · ${s.recentExports.length > 0 ? "exports recorded" : "no exports yet"}`;
  },
  async open({ client, deps, teamId, triggerId }) {
    const [current, groups] = await Promise.all([deps.services.customerData.get(teamId), userGroups(client)]);
    await client.views.push({ trigger_id: triggerId, view: customerDataModal(current, groups) });
  },
};

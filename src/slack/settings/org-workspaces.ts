import { orgWorkspacesModal, orgWorkspacesSummary } from "../blocks/org-workspaces-settings.js";
import { grantedWorkspaces } from "../org-directory.js";
import type { SettingsSection } from "./section.js";

/** "Workspaces" (Enterprise Grid, org-wide installs only): which of the org's workspaces Baton serves. */
export const orgWorkspacesSection: SettingsSection = {
  key: "org_workspaces",
  title: "Workspaces",
  async shownFor({ deps, teamId }) {
    return (await deps.services.orgWorkspaces.orgOf(teamId)) !== undefined;
  },
  async summary({ client, deps, teamId }) {
    const enterpriseId = (await deps.services.orgWorkspaces.orgOf(teamId)) ?? "";
    return orgWorkspacesSummary(await deps.services.orgWorkspaces.list(enterpriseId, await grantedWorkspaces(client)));
  },
  async open({ client, deps, teamId, triggerId }) {
    const enterpriseId = await deps.services.orgWorkspaces.orgOf(teamId);
    if (!enterpriseId) return;
    const list = await deps.services.orgWorkspaces.list(enterpriseId, await grantedWorkspaces(client));
    await client.views.push({ trigger_id: triggerId, view: orgWorkspacesModal(list) });
  },
};

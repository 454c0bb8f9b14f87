import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationRecord } from "../domain/installations/installations.js";
import type { Services } from "../domain/services.js";

/**
 * Bolt's InstallationStore over Baton's own database (the Installation table), through the domain, which keeps
 * each installation encrypted: one per workspace, or one for a whole Enterprise Grid org (isEnterpriseInstall).
 */
export class BatonInstallationStore implements InstallationStore {
  constructor(private readonly services: Pick<Services, "installations" | "workspaces">) {}

  private get installations() {
    return this.services.installations;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    await this.installations.save(installation as unknown as InstallationRecord);
    // The workspace starts with the deployment's defaults (channels, time zone), as on first contact; a reinstall
    // within the retention period keeps its data. An org's workspaces start so on their first request.
    if (!installation.isEnterpriseInstall && installation.team?.id) await this.services.workspaces.installed(installation.team.id);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const found = await this.installations.findFor(query);
    if (!found)
      throw new Error(`Baton is not installed in ${query.isEnterpriseInstall ? "org" : "workspace"} ${query.enterpriseId ?? query.teamId}`);
    return found as unknown as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.isEnterpriseInstall && query.enterpriseId) await this.installations.forgetEnterprise(query.enterpriseId);
    else if (query.teamId) await this.installations.forgetWorkspace(query.teamId);
  }
}

import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationRecord, Installations } from "../domain/installations/installations.js";

/**
 * Bolt's InstallationStore over Baton's own database (the Installation table), through the domain, which keeps
 * each installation encrypted. Installations are per workspace: org-wide installs are refused before storing.
 */
export class BatonInstallationStore implements InstallationStore {
  constructor(private readonly installations: Installations) {}

  async storeInstallation(installation: Installation): Promise<void> {
    await this.installations.save(installation as unknown as InstallationRecord);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    if (!query.teamId) throw new Error("Baton has no org-wide installations");
    const found = await this.installations.find(query.teamId);
    if (!found) throw new Error(`Baton is not installed in workspace ${query.teamId}`);
    return found as unknown as Installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.teamId) await this.installations.forgetWorkspace(query.teamId);
  }
}

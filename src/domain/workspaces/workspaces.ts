import { purgeWorkspace, uninstalledWorkspaces } from "../../db/workspace-purge.js";
import {
  clearUninstalled,
  ensureWorkspaceRow,
  findWorkspace,
  markUninstalled,
  setEnterpriseId,
  type Workspace,
  workspacesServedByOrg,
} from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import { defaultSchedules } from "../digests/default-schedules.js";
import type { WorkspaceDeps } from "./deps.js";

const DAY_MS = 24 * 60 * 60_000;
/** Workspaces purged per housekeeping run (hourly): bounds one run's work when many were uninstalled at once. */
const PURGES_PER_RUN = 20;

export class Workspaces {
  /** Team ids known to have a row (with their org's id): saves a write per request. Losing it costs one upsert. */
  private readonly known = new Map<string, string | undefined>();

  constructor(private readonly deps: Pick<WorkspaceDeps, "db" | "clock" | "defaults">) {}

  /** The workspace has a row; a workspace of an Enterprise Grid org has its enterprise id beside its team id. */
  async ensure(teamId: string, enterpriseId?: string): Promise<void> {
    if (this.known.has(teamId) && (!enterpriseId || this.known.get(teamId) === enterpriseId)) return;
    await this.create(teamId, enterpriseId);
    if (enterpriseId) await setEnterpriseId(this.deps.db, teamId, enterpriseId);
  }

  /** Baton was installed (OAuth), or starts with the workspace's token: its row exists and nothing is to be purged. */
  async installed(teamId: string): Promise<void> {
    await clearUninstalled(this.deps.db, teamId);
    await this.create(teamId);
  }

  /** app_uninstalled: the data is purged once the retention period has passed, unless Baton is installed again first. */
  async uninstalled(teamId: string): Promise<void> {
    await markUninstalled(this.deps.db, teamId, this.deps.clock.now());
  }

  /** Deletes the data of workspaces uninstalled more than `retentionDays` ago, a few per call; returns how many. */
  async purgeUninstalled(retentionDays: number, limit = PURGES_PER_RUN): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - retentionDays * DAY_MS);
    let purged = 0;
    for (const teamId of await uninstalledWorkspaces(this.deps.db, before, limit)) {
      if (await purgeWorkspace(this.deps.db, teamId, before)) purged += 1;
      this.known.delete(teamId);
    }
    return purged;
  }

  /** An org-wide install was removed: each of the org's workspaces served through it is uninstalled, as one would be. */
  async orgUninstalled(enterpriseId: string): Promise<string[]> {
    const teamIds = await workspacesServedByOrg(this.deps.db, enterpriseId);
    for (const teamId of teamIds) await markUninstalled(this.deps.db, teamId, this.deps.clock.now());
    return teamIds;
  }

  private async create(teamId: string, enterpriseId?: string): Promise<void> {
    const { digestCron, ...workspace } = this.deps.defaults;
    const schedules = defaultSchedules({ ...workspace, ...(digestCron ? { digestCron } : {}) });
    const row = { teamId, ...workspace, ...(enterpriseId ? { enterpriseId } : {}) };
    await ensureWorkspaceRow(this.deps.db, row, schedules, this.deps.clock.now());
    this.known.set(teamId, enterpriseId);
  }

  async get(teamId: string): Promise<Workspace> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (!workspace) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
    return workspace;
  }
}

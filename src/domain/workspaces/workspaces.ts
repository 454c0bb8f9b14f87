import { ensureWorkspaceRow, findWorkspace, type Workspace } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import { defaultSchedules } from "../digests/default-schedules.js";
import type { WorkspaceDeps } from "./deps.js";

export class Workspaces {
  /** Team ids known to have a row: saves a write per request. Losing it (restart) only costs one upsert. */
  private readonly known = new Set<string>();

  constructor(private readonly deps: Pick<WorkspaceDeps, "db" | "clock" | "defaults">) {}

  async ensure(teamId: string): Promise<void> {
    if (this.known.has(teamId)) return;
    const { digestCron, ...workspace } = this.deps.defaults;
    const schedules = defaultSchedules({ ...workspace, ...(digestCron ? { digestCron } : {}) });
    await ensureWorkspaceRow(this.deps.db, { teamId, ...workspace }, schedules, this.deps.clock.now());
    this.known.add(teamId);
  }

  async get(teamId: string): Promise<Workspace> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (!workspace) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
    return workspace;
  }
}

import type { Db } from "../../db/client.js";
import { ensureWorkspaceRow, findWorkspace, type Workspace } from "../../db/workspaces.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { defaultSchedules } from "../funnel/schedules.js";

export interface WorkspaceDefaults {
  timezone: string;
  salesChannelId?: string;
  marketingChannelId?: string;
  /** When the default digests post (DIGEST_CRON, in `timezone`). */
  digestCron?: string;
}

export class Workspaces {
  /** Team ids known to have a row: saves a write per request. Losing it (restart) only costs one upsert. */
  private readonly known = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly defaults: WorkspaceDefaults,
    private readonly clock: Clock,
  ) {}

  async ensure(teamId: string): Promise<void> {
    if (this.known.has(teamId)) return;
    const { digestCron, ...workspace } = this.defaults;
    const schedules = defaultSchedules({ ...workspace, ...(digestCron ? { digestCron } : {}) });
    await ensureWorkspaceRow(this.db, { teamId, ...workspace }, schedules, this.clock.now());
    this.known.add(teamId);
  }

  async get(teamId: string): Promise<Workspace> {
    const workspace = await findWorkspace(this.db, teamId);
    if (!workspace) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
    return workspace;
  }
}

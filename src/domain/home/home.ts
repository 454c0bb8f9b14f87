import { findWorkspace } from "../../db/workspaces.js";
import { workingHoursOf } from "../workspaces/working-hours.js";
import type { HomeDeps } from "./deps.js";
import { type MarketerHome, marketerHome } from "./marketer-home.js";
import { type RepHome, repHome } from "./rep-home.js";
import { type SetupChecklist, setupChecklist } from "./setup-checklist.js";

export type { WaitingHandoff } from "./waiting.js";
export type { MarketerHome, RepHome, SetupChecklist };

/**
 * One person's Home, by what they do: a part per role they have (several at once is fine), none for the roles they
 * don't. Nobody in any role gets a welcome instead.
 */
export interface HomeData {
  /** In the rotation or a named sales team, or answering or owning leads. */
  rep: RepHome | null;
  /** Logged or handed off a lead, or created a campaign, in the last 90 days (or has handoffs or leads open). */
  marketer: MarketerHome | null;
  /** Baton admins: what is left to set up. */
  setup: SetupChecklist | null;
}

export class Home {
  constructor(private readonly deps: HomeDeps) {}

  async forUser(teamId: string, userId: string): Promise<HomeData> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    const hours = workspace ? workingHoursOf(workspace) : undefined;
    const [rep, marketer, admin] = await Promise.all([
      repHome(this.deps, teamId, userId, hours),
      marketerHome(this.deps, teamId, userId, hours),
      this.deps.roles.isAdmin(teamId, userId),
    ]);
    return { rep, marketer, setup: admin ? await setupChecklist(this.deps, teamId) : null };
  }
}

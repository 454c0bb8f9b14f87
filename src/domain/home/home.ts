import { countPendingHandoffsFor, pendingHandoffsFor } from "../../db/handoffs.js";
import { countOwnedByStage, findLead, type Lead, leadsOwnedBy } from "../../db/leads.js";
import { findRotationMember } from "../../db/rotation.js";
import { findWorkspace } from "../../db/workspaces.js";
import { workingMinutesBetween } from "../../lib/working-hours.js";
import { workingHoursOf } from "../workspaces/working-hours.js";
import type { HomeDeps } from "./deps.js";

const PER_SECTION = 10;
const OPEN_STAGES = ["sql", "opportunity"] as const;

export interface WaitingHandoff {
  handoffId: string;
  lead: Lead;
  slaDueAt: Date | null;
  /** Working minutes left before the deadline; negative when it has passed (by that many working minutes). */
  workingMinutesLeft: number | null;
  overdue: boolean;
  channelId: string | null;
  messageTs: string | null;
}

export interface HomeData {
  /** Open leads the person owns, per stage (at most ten each, with the stage's total). */
  owned: { stage: (typeof OPEN_STAGES)[number]; leads: Lead[]; total: number }[];
  closed: { won: number; lost: number };
  waiting: WaitingHandoff[];
  waitingTotal: number;
  rotation: { member: boolean; away: boolean };
}

/** What the App Home shows one person: their leads by stage, handoffs waiting for them with SLA clocks, away flag. */
export class Home {
  constructor(private readonly deps: HomeDeps) {}

  async forUser(teamId: string, userId: string): Promise<HomeData> {
    const now = this.deps.clock.now();
    const [counts, workspace, member, pending, waitingTotal] = await Promise.all([
      countOwnedByStage(this.deps.db, teamId, userId),
      findWorkspace(this.deps.db, teamId),
      findRotationMember(this.deps.db, teamId, userId),
      pendingHandoffsFor(this.deps.db, teamId, userId, PER_SECTION),
      countPendingHandoffsFor(this.deps.db, teamId, userId),
    ]);
    const owned = await Promise.all(
      OPEN_STAGES.map(async (stage) => ({
        stage,
        leads: await leadsOwnedBy(this.deps.db, teamId, userId, [stage], PER_SECTION),
        total: counts[stage] ?? 0,
      })),
    );
    const hours = workspace ? workingHoursOf(workspace) : undefined;
    const waiting: WaitingHandoff[] = [];
    for (const handoff of pending) {
      const lead = await findLead(this.deps.db, teamId, handoff.leadId);
      if (!lead) continue;
      const due = handoff.slaDueAt;
      const left = due && hours ? (now <= due ? workingMinutesBetween(now, due, hours) : -workingMinutesBetween(due, now, hours)) : null;
      waiting.push({
        handoffId: handoff.id,
        lead,
        slaDueAt: due,
        workingMinutesLeft: left,
        overdue: due !== null && now > due,
        channelId: handoff.channelId,
        messageTs: handoff.messageTs,
      });
    }
    return {
      owned,
      closed: { won: counts.won ?? 0, lost: counts.lost ?? 0 },
      waiting,
      waitingTotal,
      rotation: { member: member !== null, away: member?.away ?? false },
    };
  }
}

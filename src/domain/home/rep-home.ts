import { countPendingHandoffsFor, pendingHandoffsFor } from "../../db/handoffs.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { countOwnedByStage, findLead, type Lead, leadsOwnedBy } from "../../db/leads.js";
import { findRotationMember } from "../../db/rotation.js";
import type { WorkingHours } from "../../lib/working-hours.js";
import type { HomeDeps } from "./deps.js";
import { type WaitingHandoff, waitingRow } from "./waiting.js";

const PER_SECTION = 10;
const OPEN_STAGES = ["sql", "opportunity"] as const;

export interface RepHome {
  /** Open leads the person owns, per stage (at most ten each, with the stage's total). */
  owned: { stage: (typeof OPEN_STAGES)[number]; leads: Lead[]; total: number }[];
  closed: { won: number; lost: number };
  /** Handoffs waiting for their answer (at most ten, soonest deadline first), and how many there are. */
  waiting: WaitingHandoff[];
  waitingTotal: number;
  rotation: { member: boolean; away: boolean };
}

/** What a rep's part of the Home shows; null when the person shows no sign of being a rep. */
export async function repHome(deps: HomeDeps, teamId: string, userId: string, hours: WorkingHours | undefined): Promise<RepHome | null> {
  const { db } = deps;
  const [counts, member, pending, waitingTotal, named] = await Promise.all([
    countOwnedByStage(db, teamId, userId),
    findRotationMember(db, teamId, userId),
    pendingHandoffsFor(db, teamId, userId, PER_SECTION),
    countPendingHandoffsFor(db, teamId, userId),
    deps.roles.inNamedSalesTeam(teamId, userId),
  ]);
  const ownsLeads = Object.values(counts).some((n) => n > 0);
  if (!member && !named && waitingTotal === 0 && !ownsLeads) return null;
  const owned = await Promise.all(
    OPEN_STAGES.map(async (stage) => ({
      stage,
      leads: await leadsOwnedBy(db, teamId, userId, [stage], PER_SECTION),
      total: counts[stage] ?? 0,
    })),
  );
  const now = deps.clock.now();
  const waiting: WaitingHandoff[] = [];
  for (const handoff of pending) {
    const lead = await findLead(db, teamId, handoff.leadId);
    if (lead) waiting.push(waitingRow(handoff, lead, await campaignName(db, teamId, lead.campaignId), now, hours));
  }
  return {
    owned,
    closed: { won: counts.won ?? 0, lost: counts.lost ?? 0 },
    waiting,
    waitingTotal,
    rotation: { member: member !== null, away: member?.away ?? false },
  };
}

// What a digest's "Needs action" lists by name: the handoffs waiting longest for sales, the leads sent back in the period.
import type { Db } from "./client.js";
import type { FunnelFilter } from "./funnel.js";
import type { Lead } from "./leads.js";

export interface WaitingHandoffRow {
  handoffId: string;
  lead: Lead;
  assigneeId: string | null;
  /** The current assignee's deadline (their own after a reassignment). */
  dueAt: Date | null;
}

/** Pending handoffs, the nearest (or most overdue) deadline first. */
export async function handoffsWaitingLongest(db: Db, scope: FunnelFilter, limit: number): Promise<WaitingHandoffRow[]> {
  const rows = await db.handoff.findMany({
    where: { teamId: scope.teamId, status: "pending", ...(scope.campaignId ? { lead: { campaignId: scope.campaignId } } : {}) },
    include: { lead: true },
    orderBy: [{ slaDueAt: "asc" }, { handedOffAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((h) => ({ handoffId: h.id, lead: h.lead, assigneeId: h.assigneeId, dueAt: h.assigneeDueAt ?? h.slaDueAt }));
}

/** Leads that went back to Nurture in the window and are still there, most recent first, and how many in all. */
export async function leadsSentBackIn(
  db: Db,
  scope: FunnelFilter & { from: Date; to: Date },
  limit: number,
): Promise<{ leads: Lead[]; total: number }> {
  const where = {
    teamId: scope.teamId,
    stage: "nurture",
    erasedAt: null,
    nurtureAt: { gte: scope.from, lt: scope.to },
    ...(scope.campaignId ? { campaignId: scope.campaignId } : {}),
  };
  const [leads, total] = await Promise.all([
    db.lead.findMany({ where, orderBy: [{ nurtureAt: "desc" }, { id: "asc" }], take: limit }),
    db.lead.count({ where }),
  ]);
  return { leads, total };
}

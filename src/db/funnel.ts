// Funnel figures computed by the database: grouped counts over indexed columns, never every lead in memory.
// Stage counts: funnel-stages.ts; handoff figures: funnel-handoffs.ts. Raw SQL is portable unless marked per
// provider.
import type { Db } from "./client.js";
import { Prisma } from "./generated/sqlite/client.js";

export interface Bucket {
  from: Date;
  to: Date;
}

/** Each funnel stage and the LeadEvent rows that say a lead reached it. */
export const STAGE_EVENTS = [
  { stage: "created", type: "created", toStage: "new" },
  { stage: "mql", type: "stage_changed", toStage: "mql" },
  { stage: "sql", type: "stage_changed", toStage: "sql" },
  { stage: "opportunity", type: "stage_changed", toStage: "opportunity" },
  { stage: "won", type: "stage_changed", toStage: "won" },
  { stage: "lost", type: "stage_changed", toStage: "lost" },
  { stage: "nurture", type: "stage_changed", toStage: "nurture" },
] as const;
export type FunnelStage = (typeof STAGE_EVENTS)[number]["stage"];

export interface StageRow {
  bucket: number;
  stage: FunnelStage;
  /** The campaign id or fit grade when grouped by one, else null. */
  group: string | null;
  leads: number;
  /** Won only: deal value in `currency`, and the part of it from leads attributed to a campaign. */
  valueCents: number;
  campaignValueCents: number;
  currency: string | null;
}

export interface FunnelFilter {
  teamId: string;
  campaignId?: string;
}

export const raw = (sql: string) => Prisma.raw(sql);
export const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** Leads in each stage right now (optionally one owner's). */
export async function leadsByStage(db: Db, filter: { teamId: string; ownerId?: string; stages?: string[] }): Promise<Map<string, number>> {
  const rows = await db.lead.groupBy({
    by: ["stage"],
    where: {
      teamId: filter.teamId,
      ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
      ...(filter.stages ? { stage: { in: filter.stages } } : {}),
    },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.stage, row._count._all]));
}

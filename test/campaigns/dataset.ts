// Writes leads, their events and handoffs straight to the database, following the data contract
// (common.md): a "created" event, a stage_changed event for every move with the lead's stage and <stage>At
// set alike, deal value and currency on Won, campaignId and fitGrade copied onto every event.
import type { Db } from "../../src/db/client.js";

type Stage = "mql" | "sql" | "opportunity" | "won" | "lost" | "nurture";
const STAGE_AT = { mql: "mqlAt", sql: "sqlAt", opportunity: "opportunityAt", won: "wonAt", lost: "lostAt", nurture: "nurtureAt" } as const;

export interface Step {
  to: Stage;
  at: string;
  reason?: string;
  valueCents?: number;
  currency?: string;
}

export interface LeadSpec {
  teamId: string;
  email: string;
  campaignId: string | null;
  createdAt: string;
  steps?: Step[];
  fitGrade?: string;
}

export async function addLead(db: Db, spec: LeadSpec): Promise<string> {
  const created = new Date(spec.createdAt);
  const lead = await db.lead.create({
    data: {
      teamId: spec.teamId,
      email: spec.email,
      emailKey: spec.email.toLowerCase(),
      campaignId: spec.campaignId,
      fitGrade: spec.fitGrade ?? null,
      createdById: "U0SEED0001",
      createdAt: created,
      updatedAt: created,
    },
  });
  await db.leadEvent.create({
    data: {
      teamId: spec.teamId,
      leadId: lead.id,
      campaignId: spec.campaignId,
      fitGrade: spec.fitGrade ?? null,
      actorId: "U0SEED0001",
      type: "created",
      toStage: "new",
      at: created,
    },
  });
  await moveLead(db, lead.id, spec.steps ?? []);
  return lead.id;
}

/** Moves an existing lead through `steps`, as the stage-changing use cases do. */
export async function moveLead(db: Db, leadId: string, steps: Step[]): Promise<void> {
  const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
  const event = { teamId: lead.teamId, leadId, campaignId: lead.campaignId, fitGrade: lead.fitGrade };
  let from = lead.stage;
  for (const step of steps) {
    const at = new Date(step.at);
    await db.leadEvent.create({
      data: {
        ...event,
        actorId: "U0SEED0002",
        type: "stage_changed",
        fromStage: from,
        toStage: step.to,
        reason: step.reason ?? null,
        valueCents: step.valueCents ?? null,
        currency: step.currency ?? null,
        at,
      },
    });
    await db.lead.update({
      where: { id: leadId },
      data: {
        stage: step.to,
        [STAGE_AT[step.to]]: at,
        ...(step.to === "won" ? { dealValueCents: step.valueCents ?? null, dealCurrency: step.currency ?? null } : {}),
        ...(step.to === "lost" ? { lostReason: step.reason ?? null } : {}),
      },
    });
    from = step.to;
  }
}

export interface HandoffSpec {
  teamId: string;
  leadId: string;
  status: "pending" | "accepted" | "rejected" | "cancelled";
  handedOffAt: string;
  decidedAt?: string;
  rejectReason?: string;
}

export async function addHandoff(db: Db, spec: HandoffSpec): Promise<void> {
  await db.handoff.create({
    data: {
      teamId: spec.teamId,
      leadId: spec.leadId,
      status: spec.status,
      openKey: spec.status === "pending" ? `${spec.teamId}:${spec.leadId}` : null,
      handedOffById: "U0SEED0001",
      handedOffAt: new Date(spec.handedOffAt),
      decidedById: spec.decidedAt ? "U0REP00001" : null,
      decidedAt: spec.decidedAt ? new Date(spec.decidedAt) : null,
      rejectReason: spec.rejectReason ?? null,
    },
  });
}

// Builds funnel data directly in the database, following the data contract (common.md): a Lead with its stage
// timestamps, and its LeadEvents (created, stage_changed with from/to, Won with value), campaign and fit copied
// onto every event; Handoff rows with their times.
import { DateTime } from "luxon";
import type { Db } from "../../src/db/client.js";
import { STAGE_TIMESTAMP, type Stage } from "../../src/domain/leads/stages.js";

/** A local wall-clock time in `zone` as a Date: at("2026-11-22T23:30", "America/New_York"). */
export function at(local: string, zone: string): Date {
  const date = DateTime.fromISO(local, { zone });
  if (!date.isValid) throw new Error(`bad local time ${local}`);
  return date.toJSDate();
}

export interface LeadSpec {
  created: string;
  campaignId?: string | null;
  fit?: string | null;
  /** Stage moves after creation, in order: [stage, local time]. */
  moves?: [Stage, string][];
  /** For a move to Won. */
  wonCents?: number;
  currency?: string;
  ownerId?: string;
}

export interface HandoffSpec {
  leadId: string;
  handedOff: string;
  status: "pending" | "accepted" | "rejected";
  decided?: string;
  slaDue?: string;
  breached?: string;
  rejectReason?: string;
  assigneeId?: string;
  decidedById?: string;
}

export class FunnelData {
  private n = 0;

  constructor(
    readonly db: Db,
    readonly teamId: string,
    readonly zone: string,
  ) {}

  time(local: string): Date {
    return at(local, this.zone);
  }

  async workspace(
    options: { currency?: string; agreement?: { mqlMonthlyTarget: number; responseSlaMinutes: number; acceptanceRateTarget: number } } = {},
  ) {
    await this.db.workspace.upsert({
      where: { teamId: this.teamId },
      create: { teamId: this.teamId, timezone: this.zone, currency: options.currency ?? "USD" },
      update: { timezone: this.zone, currency: options.currency ?? "USD" },
    });
    if (options.agreement) await this.db.agreement.create({ data: { teamId: this.teamId, ...options.agreement } });
  }

  async campaign(name: string, budgetCents: number | null, currency = "USD", ownerId: string | null = null): Promise<string> {
    const campaign = await this.db.campaign.create({
      data: {
        teamId: this.teamId,
        name,
        nameKey: name.trim().toLowerCase(),
        channel: "email",
        budgetCents,
        currency,
        ownerId,
        createdById: "U0MKTG0001",
      },
    });
    return campaign.id;
  }

  async lead(spec: LeadSpec): Promise<string> {
    this.n += 1;
    const created = this.time(spec.created);
    const moves = (spec.moves ?? []).map(([stage, local]) => [stage, this.time(local)] as const);
    const stage = moves.length > 0 ? (moves[moves.length - 1]?.[0] ?? "new") : "new";
    const stamps: Record<string, Date> = {};
    for (const [s, when] of moves) if (s !== "new") stamps[STAGE_TIMESTAMP[s]] = when;
    const won = moves.some(([s]) => s === "won");
    const lead = await this.db.lead.create({
      data: {
        teamId: this.teamId,
        email: `lead${this.n}@example.com`,
        emailKey: `lead${this.n}@example.com`,
        campaignId: spec.campaignId ?? null,
        fitGrade: spec.fit ?? null,
        stage,
        createdById: "U0MKTG0001",
        ownerId: spec.ownerId ?? null,
        createdAt: created,
        updatedAt: created,
        ...(won ? { dealValueCents: spec.wonCents ?? 0, dealCurrency: spec.currency ?? "USD" } : {}),
        ...stamps,
      },
    });
    const common = {
      teamId: this.teamId,
      leadId: lead.id,
      campaignId: spec.campaignId ?? null,
      fitGrade: spec.fit ?? null,
      actorId: "U0MKTG0001",
    };
    await this.db.leadEvent.create({ data: { ...common, type: "created", toStage: "new", at: created } });
    let from: Stage = "new";
    for (const [to, when] of moves) {
      await this.db.leadEvent.create({
        data: {
          ...common,
          type: "stage_changed",
          fromStage: from,
          toStage: to,
          at: when,
          ...(to === "won" ? { valueCents: spec.wonCents ?? 0, currency: spec.currency ?? "USD" } : {}),
        },
      });
      from = to;
    }
    return lead.id;
  }

  async handoff(spec: HandoffSpec): Promise<string> {
    const handoff = await this.db.handoff.create({
      data: {
        teamId: this.teamId,
        leadId: spec.leadId,
        status: spec.status,
        openKey: spec.status === "pending" ? `${this.teamId}:${spec.leadId}` : null,
        handedOffById: "U0MKTG0001",
        handedOffAt: this.time(spec.handedOff),
        assigneeId: spec.assigneeId ?? null,
        decidedById: spec.decided ? (spec.decidedById ?? spec.assigneeId ?? "U0REP00001") : null,
        decidedAt: spec.decided ? this.time(spec.decided) : null,
        slaDueAt: spec.slaDue ? this.time(spec.slaDue) : null,
        breachedAt: spec.breached ? this.time(spec.breached) : null,
        rejectReason: spec.rejectReason ?? null,
      },
    });
    return handoff.id;
  }
}

// `/funnel subscribe mine|campaign <name> [daily|weekly|monthly]` and `/funnel unsubscribe`: personal digests by DM.
import { campaignById } from "../../db/funnel-context.js";
import { deleteSubscriptions, subscriptionsOf, upsertSubscription } from "../../db/subscriptions.js";
import { AppError } from "../../lib/errors.js";
import type { DigestDeps } from "./deps.js";
import { SCHEDULE_PERIODS, type SchedulePeriod } from "./schedule-input.js";

export const SUBSCRIBE_USAGE =
  "Try `/funnel subscribe mine` (your handoffs and leads, weekly), `/funnel subscribe campaign Spring webinar`, add `daily` or `monthly` at the end for another rhythm, and `/funnel unsubscribe` to stop.";

export interface SubscriptionSummary {
  kind: "my_handoffs" | "campaign";
  campaign?: { id: string; name: string };
  period: SchedulePeriod;
}

export class Subscriptions {
  constructor(private readonly deps: Pick<DigestDeps, "db" | "funnel">) {}

  async subscribe(teamId: string, userId: string, text: string): Promise<SubscriptionSummary & { created: boolean }> {
    const { kind, campaignName, period } = readRequest(text);
    if (kind === "campaign") {
      const campaign = await this.deps.funnel.campaignNamed(teamId, campaignName);
      const { created } = await upsertSubscription(this.deps.db, { teamId, userId, kind, campaignId: campaign.id }, period);
      return { kind, campaign, period, created };
    }
    const { created } = await upsertSubscription(this.deps.db, { teamId, userId, kind, campaignId: "" }, period);
    return { kind, period, created };
  }

  /** Stops one subscription ("mine", "campaign <name>") or, with no text, all of the person's. */
  async unsubscribe(teamId: string, userId: string, text: string): Promise<number> {
    if (text.trim() === "" || text.trim().toLowerCase() === "all") return deleteSubscriptions(this.deps.db, { teamId, userId });
    const { kind, campaignName } = readRequest(text);
    if (kind === "campaign") {
      const campaign = await this.deps.funnel.campaignNamed(teamId, campaignName);
      return deleteSubscriptions(this.deps.db, { teamId, userId, kind, campaignId: campaign.id });
    }
    return deleteSubscriptions(this.deps.db, { teamId, userId, kind });
  }

  async list(teamId: string, userId: string): Promise<SubscriptionSummary[]> {
    const rows = await subscriptionsOf(this.deps.db, teamId, userId);
    const result: SubscriptionSummary[] = [];
    for (const row of rows) {
      const period = SCHEDULE_PERIODS.find((p) => p === row.period) ?? "weekly";
      if (row.kind !== "campaign") {
        result.push({ kind: "my_handoffs", period });
        continue;
      }
      const campaign = await campaignById(this.deps.db, teamId, row.campaignId ?? "");
      if (campaign) result.push({ kind: "campaign", campaign: { id: campaign.id, name: campaign.name }, period });
    }
    return result;
  }
}

function readRequest(text: string): { kind: "my_handoffs" | "campaign"; campaignName: string; period: SchedulePeriod } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const last = words[words.length - 1]?.toLowerCase();
  const period = SCHEDULE_PERIODS.find((p) => p === last);
  if (period) words.pop();
  const [head = "", ...rest] = words;
  const kind = head.toLowerCase();
  if ((kind === "mine" || kind === "me") && rest.length === 0) return { kind: "my_handoffs", campaignName: "", period: period ?? "weekly" };
  if (kind === "campaign" && rest.length > 0) return { kind: "campaign", campaignName: rest.join(" "), period: period ?? "weekly" };
  throw new AppError("invalid_input", `I can't tell what to subscribe you to. ${SUBSCRIBE_USAGE}`);
}

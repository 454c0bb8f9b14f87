// Personal digests by DM: a rep's own handoffs, or one campaign's funnel for its owner (or anyone who follows it).
import { leadsByStage } from "../../db/funnel.js";
import { handoffCounts, handoffPercentiles, type Percentiles, waitingHandoffs } from "../../db/funnel-handoffs.js";
import type { FunnelContext, FunnelDeps } from "./context.js";
import { type Digest, digestFor } from "./digest.js";
import { type HandoffFigures, handoffFigures } from "./figures.js";
import type { Period } from "./periods.js";

export interface MyHandoffsDigest {
  kind: "my_handoffs";
  userId: string;
  period: Period;
  context: FunnelContext;
  /** Handoffs assigned to the rep and still waiting now. */
  waiting: { waiting: number; overdue: number; oldestSince: Date | null };
  /** What the rep decided in the period, and breaches of handoffs assigned to them. */
  decided: HandoffFigures;
  speed: Percentiles;
  /** Leads the rep owns, by stage, right now. */
  owned: Record<string, number>;
}

export interface CampaignDigest {
  kind: "campaign";
  userId: string;
  digest: Digest;
}

export type PersonalDigest = MyHandoffsDigest | CampaignDigest;

export async function myHandoffsDigest(
  deps: FunnelDeps,
  context: FunnelContext,
  userId: string,
  period: Period,
): Promise<MyHandoffsDigest> {
  const { teamId } = context;
  const window = { from: period.start, to: period.end };
  // What the rep decided, and the breaches of what was assigned to them (not always the same handoffs).
  const [waiting, decisions, breaches, [speed], owned] = await Promise.all([
    waitingHandoffs(deps.db, { teamId, now: deps.clock.now(), assigneeId: userId }),
    handoffCounts(deps.db, { teamId, deciderId: userId }, { outcomes: [window] }),
    handoffCounts(deps.db, { teamId, assigneeId: userId }, { breaches: [window] }),
    handoffPercentiles(deps.db, deps.provider, { teamId, deciderId: userId }, [{ window, measure: "speed" }]),
    leadsByStage(deps.db, { teamId, ownerId: userId }),
  ]);
  return {
    kind: "my_handoffs",
    userId,
    period,
    context,
    waiting,
    decided: handoffFigures(decisions.outcomes, breaches.breaches, 0),
    speed: speed ?? { count: 0, p50: null, p90: null },
    owned: Object.fromEntries(owned),
  };
}

export async function campaignDigest(
  deps: FunnelDeps,
  context: FunnelContext,
  userId: string,
  campaign: { id: string; name: string },
  period: Period,
): Promise<CampaignDigest> {
  const digest = await digestFor(deps, context, {
    period,
    view: "marketing",
    sections: ["funnel", "campaigns", "rejections", "fit"],
    campaign,
  });
  return { kind: "campaign", userId, digest };
}

/** Nothing to tell: no waiting or decided handoffs, no leads owned; or a campaign with no activity. */
export function isEmptyPersonal(digest: PersonalDigest): boolean {
  if (digest.kind === "campaign") return digest.digest.empty;
  const owned = Object.values(digest.owned).reduce((a, b) => a + b, 0);
  return digest.waiting.waiting === 0 && digest.decided.decided === 0 && digest.decided.breaches === 0 && owned === 0;
}

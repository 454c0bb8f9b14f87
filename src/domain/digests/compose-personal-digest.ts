// Composing one person's digest of a period: their own handoffs, or the campaign they follow.
import { leadsByStage } from "../../db/funnel.js";
import { handoffCounts, handoffPercentiles, waitingHandoffs } from "../../db/funnel-handoffs.js";
import type { FunnelDeps } from "../funnel/deps.js";
import { handoffFigures } from "../funnel/figures.js";
import type { FunnelContext } from "../funnel/funnel-context.js";
import type { Period } from "../funnel/periods.js";
import { composeDigest } from "./compose-digest.js";
import type { CampaignDigest, MyHandoffsDigest, PersonalDigest } from "./personal-digest.js";

export interface PersonalDigestRequest {
  context: FunnelContext;
  userId: string;
  period: Period;
  /** The campaign followed; without it, the person's own handoffs and leads. */
  campaign?: { id: string; name: string };
}

export function composePersonalDigest(deps: FunnelDeps, request: PersonalDigestRequest): Promise<PersonalDigest> {
  return request.campaign ? campaignDigest(deps, { ...request, campaign: request.campaign }) : myHandoffsDigest(deps, request);
}

async function myHandoffsDigest(deps: FunnelDeps, { context, userId, period }: PersonalDigestRequest): Promise<MyHandoffsDigest> {
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

async function campaignDigest(
  deps: FunnelDeps,
  { context, userId, period, campaign }: PersonalDigestRequest & { campaign: { id: string; name: string } },
): Promise<CampaignDigest> {
  const digest = await composeDigest(deps, context, {
    period,
    view: "marketing",
    sections: ["funnel", "campaigns", "rejections", "fit"],
    campaign,
  });
  return { kind: "campaign", userId, digest };
}

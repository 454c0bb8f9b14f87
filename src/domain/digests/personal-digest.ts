// Personal digests by DM: a rep's own handoffs, or one campaign's funnel for its owner (or anyone who follows it).
import type { Percentiles } from "../../db/funnel-handoffs.js";
import type { HandoffFigures } from "../funnel/figures.js";
import type { FunnelContext } from "../funnel/funnel-context.js";
import type { Period } from "../funnel/periods.js";
import type { Digest } from "./digest.js";

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

/** Nothing to tell: no waiting or decided handoffs, no leads owned; or a campaign with no activity. */
export function isEmptyPersonal(digest: PersonalDigest): boolean {
  if (digest.kind === "campaign") return digest.digest.empty;
  const owned = Object.values(digest.owned).reduce((a, b) => a + b, 0);
  return digest.waiting.waiting === 0 && digest.decided.decided === 0 && digest.decided.breaches === 0 && owned === 0;
}

// What a lead's history says when its attribution changes: from which source campaign or fit grade to which.
import type { Db } from "../../db/client.js";
import { campaignName } from "../../db/lead-campaigns.js";
import { NOT_GRADED } from "../labels.js";

export interface Attribution {
  campaignId: string | null;
  fitGrade: string | null;
}

const NO_CAMPAIGN = "none";

/** "fit B → A", or null when the grade is the same. */
export function fitNote(from: string | null, to: string | null): string | null {
  return from === to ? null : `fit ${from ?? NOT_GRADED} → ${to ?? NOT_GRADED}`;
}

/** "source campaign Spring webinar → Trade show; fit B → A", or null when neither changed. */
export async function attributionNote(db: Db, teamId: string, before: Attribution, after: Attribution): Promise<string | null> {
  const parts: string[] = [];
  if (before.campaignId !== after.campaignId) {
    const [from, to] = await Promise.all([campaignName(db, teamId, before.campaignId), campaignName(db, teamId, after.campaignId)]);
    parts.push(`source campaign ${from ?? NO_CAMPAIGN} → ${to ?? NO_CAMPAIGN}`);
  }
  const fit = fitNote(before.fitGrade, after.fitGrade);
  if (fit) parts.push(fit);
  return parts.length > 0 ? parts.join("; ") : null;
}

import { rejectReasonLabel } from "../../domain/labels.js";
import type { HandoffCard } from "../../domain/ports.js";
import { mention } from "./text.js";

/** What someone who clicked too late is told: who got there first, and how it ended. */
export function alreadyDecidedText(card: HandoffCard, userId: string): string {
  const by = card.decidedById === userId ? "You" : card.decidedById ? mention(card.decidedById) : "Someone";
  if (card.status === "accepted") {
    return card.decidedById === userId
      ? "You already accepted this lead; it's yours."
      : `${by} already accepted this lead, so it's theirs now.`;
  }
  if (card.status === "rejected")
    return `${by} already rejected this lead (${rejectReasonLabel(card.rejectReason)}); it went back to marketing.`;
  return "This handoff is closed.";
}

export function acceptedText(): string {
  return ":white_check_mark: You own this lead now (SQL). Move it along from your App Home or with /lead find.";
}

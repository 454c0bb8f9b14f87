// Pieces shared by the playbook messages and modals (ICP, brand guide, agreement).
import type { ContextBlock, KnownBlock, ModalView } from "@slack/types";
import type { AnnouncementOutcome } from "../../domain/playbook/announce.js";
import type { RecordedChange } from "../../domain/playbook/recorded-change.js";
import type { RegradeResult } from "../../domain/playbook/regrade.js";
import { PlaybookViews } from "../ids.js";
import { formatDay } from "./format.js";
import { deliveryNotes, noticeModal } from "./notices.js";
import { escapeMrkdwn, Limits, mention, mrkdwn } from "./text.js";

export function lastChangeContext(change: RecordedChange | null): ContextBlock {
  const text = change
    ? `Last changed by ${mention(change.actorId)} on ${formatDay(change.at.toISOString().slice(0, 10))}.`
    : "Not changed yet.";
  return { type: "context", elements: [mrkdwn(text)] };
}

/** Lines joined into as few sections as fit Slack's 3000-character limit, each line cut to fit. */
export function sectionsOf(lines: string[], max: number = Limits.sectionText): KnownBlock[] {
  const chunks: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks.map((text) => ({ type: "section", text: mrkdwn(text) }));
}

export const bullet = (item: string) => `• ${escapeMrkdwn(item)}`;

/** After saving: the change as recorded, how announcing it went and, for the ICP, how many grades moved. */
export function playbookSavedView(change: RecordedChange | null, outcome?: AnnouncementOutcome, regraded?: RegradeResult): ModalView {
  if (!change)
    return noticeModal(PlaybookViews.notice, "Nothing changed", [
      "Nothing was different from what was there, so nothing was recorded or announced.",
    ]);
  const paragraphs = [`:white_check_mark: Saved and recorded.\n${escapeMrkdwn(change.summary)}`];
  if (!outcome) paragraphs.push("Announcing it in the sales and marketing channels…");
  else paragraphs.push(...deliveryNotes(outcome));
  if (change.kind === "icp") {
    paragraphs.push(
      regraded
        ? `Fit grades are up to date: ${regraded.changed} of ${regraded.leads} leads changed grade.`
        : "Updating the fit grades of every lead…",
    );
  }
  return noticeModal(PlaybookViews.notice, "Playbook updated", paragraphs);
}

/** For someone who is not an admin. */
export const adminsOnlyLine = "Baton admins can change it.";

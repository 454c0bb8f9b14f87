import type { KnownBlock, ModalView } from "@slack/types";
import { Actions, itemBlockId, Views } from "../ids.js";
import { Limits, mrkdwn, plain, truncate } from "./text.js";

export interface SectionSummary {
  key: string;
  title: string;
  summary: string;
}

const modal = (blocks: KnownBlock[]): ModalView => ({
  type: "modal",
  callback_id: Views.settingsHome,
  title: plain("Baton settings", Limits.modalTitle),
  close: plain("Done"),
  blocks,
});

export function settingsLoadingView(): ModalView {
  return modal([{ type: "section", text: mrkdwn("Loading your workspace's settings…") }]);
}

export function settingsNotAllowedView(): ModalView {
  return modal([
    {
      type: "section",
      text: mrkdwn(
        ":lock: Only Baton admins can change settings: Slack workspace admins and owners, and the people they list as Baton admins.",
      ),
    },
  ]);
}

/** The settings home: one row per section with its current state and an Edit button. */
export function settingsHomeView(sections: SectionSummary[]): ModalView {
  const rows: KnownBlock[] = sections.map((section) => ({
    type: "section",
    block_id: itemBlockId("section", section.key),
    text: mrkdwn(`*${section.title}*\n${truncate(section.summary, 2900)}`),
    accessory: { type: "button", action_id: Actions.settingsSection, value: section.key, text: plain("Edit", Limits.buttonText) },
  }));
  return modal(rows.length > 0 ? rows.slice(0, Limits.viewBlocks) : [{ type: "section", text: mrkdwn("Nothing to configure yet.") }]);
}

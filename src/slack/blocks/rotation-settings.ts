import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { MAX_ROTATION_MEMBERS } from "../../domain/routing/rotation-settings.js";
import { LeadActions, LeadViews } from "../ids.js";
import { Limits, mention, mrkdwn, plain } from "./text.js";

export interface RotationRow {
  userId: string;
  weight: string;
  dailyCap: string;
  away: boolean;
}

export interface RotationForm {
  enabled: boolean;
  reassignOnBreach: boolean;
  rows: RotationRow[];
}

const SWITCHES: PlainTextOption[] = [
  { text: plain("Pre-assign new handoffs to the next available rep"), value: "enabled" },
  { text: plain("Reassign to the next rep when the response deadline passes"), value: "reassign" },
];

/**
 * The Rotation settings modal: the switches, the reps (a users select that re-renders the rows when it changes),
 * and per rep a weight and an optional daily cap.
 */
export function rotationSettingsModal(form: RotationForm): ModalView {
  const initial = SWITCHES.filter((o) => (o.value === "enabled" ? form.enabled : form.reassignOnBreach));
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: "switches",
      optional: true,
      label: plain("Rotation"),
      element: { type: "checkboxes", action_id: "value", options: SWITCHES, ...(initial.length > 0 ? { initial_options: initial } : {}) },
    },
    {
      type: "input",
      block_id: "members",
      optional: true,
      dispatch_action: true,
      label: plain("Reps in the rotation, in order"),
      hint: plain(`At most ${MAX_ROTATION_MEMBERS}. A rep marked away, outside working hours or at their cap is skipped.`),
      element: {
        type: "multi_users_select",
        action_id: LeadActions.rotationMembers,
        initial_users: form.rows.map((r) => r.userId),
        max_selected_items: MAX_ROTATION_MEMBERS,
      },
    },
  ];
  for (const row of form.rows.slice(0, MAX_ROTATION_MEMBERS)) {
    blocks.push(
      { type: "section", text: mrkdwn(`${mention(row.userId)}${row.away ? " · _away_" : ""}`) },
      numberInput(`weight:${row.userId}`, "Weight (1-10): a rep with 2 gets twice the leads of a rep with 1", row.weight, 1, 10, false),
      numberInput(`cap:${row.userId}`, "Daily cap (empty: no cap)", row.dailyCap, 1, 100, true),
    );
  }
  return {
    type: "modal",
    callback_id: LeadViews.rotation,
    title: plain("Rotation", Limits.modalTitle),
    submit: plain("Save", Limits.modalTitle),
    close: plain("Back", Limits.modalTitle),
    blocks: blocks.slice(0, Limits.viewBlocks),
  };
}

function numberInput(blockId: string, label: string, initial: string, min: number, max: number, optional: boolean): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional,
    label: plain(label),
    element: {
      type: "number_input",
      action_id: "value",
      is_decimal_allowed: false,
      min_value: String(min),
      max_value: String(max),
      ...(initial ? { initial_value: initial } : {}),
    },
  };
}

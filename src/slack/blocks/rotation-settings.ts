import type { KnownBlock, ModalView } from "@slack/types";
import { MAX_ROTATION_MEMBERS } from "../../domain/routing/rotation-settings.js";
import { itemBlockId, LeadActions, LeadViews } from "../ids.js";
import { checkboxesInput, numberInput, option, usersInput } from "./inputs.js";
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

const SWITCHES = [
  option("enabled", "Pre-assign new handoffs to the next available rep"),
  option("reassign", "Reassign to the next rep when the response deadline passes"),
];

/**
 * The Rotation settings modal: the switches, the reps (a users select that re-renders the rows when it changes),
 * and per rep a weight and an optional daily cap.
 */
export function rotationSettingsModal(form: RotationForm): ModalView {
  const switchedOn = [...(form.enabled ? ["enabled"] : []), ...(form.reassignOnBreach ? ["reassign"] : [])];
  const blocks: KnownBlock[] = [
    checkboxesInput("switches", { label: "Rotation", optional: true, options: SWITCHES, initial: switchedOn }),
    usersInput("members", {
      label: "Reps in the rotation, in order",
      optional: true,
      hint: `At most ${MAX_ROTATION_MEMBERS}. A rep marked away, outside working hours or at their cap is skipped.`,
      actionId: LeadActions.rotationMembers,
      dispatch: true,
      initial: form.rows.map((r) => r.userId),
      max: MAX_ROTATION_MEMBERS,
    }),
  ];
  for (const row of form.rows.slice(0, MAX_ROTATION_MEMBERS)) {
    blocks.push(
      { type: "section", text: mrkdwn(`${mention(row.userId)}${row.away ? " · _away_" : ""}`) },
      numberInput(itemBlockId("weight", row.userId), {
        label: "Weight (1-10): a rep with 2 gets twice the leads of a rep with 1",
        decimals: false,
        initial: row.weight,
        min: "1",
        max: "10",
      }),
      numberInput(itemBlockId("cap", row.userId), {
        label: "Daily cap (empty: no cap)",
        optional: true,
        decimals: false,
        initial: row.dailyCap,
        min: "1",
        max: "100",
      }),
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

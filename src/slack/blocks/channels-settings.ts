import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { ChannelsAndPeopleView } from "../../domain/workspaces/channels-and-people.js";
import { LeadViews } from "../ids.js";
import { Limits, plain, truncate } from "./text.js";

export interface UserGroupChoice {
  id: string;
  name: string;
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, Limits.optionText), value });

/** The "Channels and people" settings modal. Block ids are the setting names, so errors map straight back. */
export function channelsSettingsModal(current: ChannelsAndPeopleView, groups: UserGroupChoice[]): ModalView {
  const groupOptions = groups.slice(0, Limits.selectOptions).map((g) => option(truncate(g.name, 70), g.id));
  if (current.salesUserGroupId && !groupOptions.some((o) => o.value === current.salesUserGroupId)) {
    groupOptions.unshift(option(current.salesUserGroupId, current.salesUserGroupId));
  }
  const dayOptions = DAYS.map((d, i) => option(d, String(i + 1)));
  const blocks: KnownBlock[] = [
    channelInput("salesChannelId", "Sales channel", "Where handoff cards are posted.", current.salesChannelId),
    channelInput("marketingChannelId", "Marketing channel", "Where marketing hears about rejected leads.", current.marketingChannelId),
  ];
  if (groupOptions.length > 0) {
    const initial = groupOptions.find((o) => o.value === current.salesUserGroupId);
    blocks.push({
      type: "input",
      block_id: "salesUserGroupId",
      optional: true,
      label: plain("Sales team: user group"),
      hint: plain("Members may accept, reject and assign handoffs, and are mentioned on escalations."),
      element: {
        type: "static_select",
        action_id: "value",
        placeholder: plain("No user group"),
        options: groupOptions,
        ...(initial ? { initial_option: initial } : {}),
      },
    });
  }
  blocks.push(
    {
      type: "input",
      block_id: "salesUserIds",
      optional: true,
      label: plain("Sales team: people"),
      hint: plain("With neither a group nor people, every member but guests may answer handoffs."),
      element: { type: "multi_users_select", action_id: "value", initial_users: current.salesUserIds, placeholder: plain("Add reps…") },
    },
    {
      type: "input",
      block_id: "adminUserIds",
      optional: true,
      label: plain("Baton admins"),
      hint: plain("Besides Slack's workspace admins and owners, who are always Baton admins."),
      element: { type: "multi_users_select", action_id: "value", initial_users: current.adminUserIds, placeholder: plain("Add admins…") },
    },
    textInput("timezone", "Workspace time zone", current.timezone, "An IANA zone such as Europe/Berlin or America/New_York."),
    textInput("currency", "Currency", current.currency, "The default currency of deal values, e.g. USD or EUR."),
    {
      type: "input",
      block_id: "workStart",
      label: plain("Working day starts"),
      element: { type: "timepicker", action_id: "value", initial_time: hhmm(current.workStartMinute) },
    },
    {
      type: "input",
      block_id: "workEnd",
      label: plain("Working day ends"),
      element: { type: "timepicker", action_id: "value", initial_time: hhmm(current.workEndMinute) },
    },
    {
      type: "input",
      block_id: "workDays",
      label: plain("Working days"),
      hint: plain("Response deadlines only count working hours; reps get leads only inside them (in their own time zone)."),
      element: {
        type: "checkboxes",
        action_id: "value",
        options: dayOptions,
        initial_options: dayOptions.filter((o) => current.workDays.includes(Number(o.value))),
      },
    },
  );
  return {
    type: "modal",
    callback_id: LeadViews.channelsAndPeople,
    title: plain("Channels and people", Limits.modalTitle),
    submit: plain("Save", Limits.modalTitle),
    close: plain("Back", Limits.modalTitle),
    blocks,
  };
}

function channelInput(blockId: string, label: string, hint: string, initial: string | null): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: plain(label),
    hint: plain(hint),
    element: {
      type: "conversations_select",
      action_id: "value",
      placeholder: plain("Pick a channel"),
      filter: { include: ["public", "private"], exclude_bot_users: true },
      ...(initial ? { initial_conversation: initial } : {}),
    },
  };
}

function textInput(blockId: string, label: string, initial: string, hint: string): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    label: plain(label),
    hint: plain(hint),
    element: { type: "plain_text_input", action_id: "value", initial_value: initial },
  };
}

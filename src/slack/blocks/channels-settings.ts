import type { KnownBlock, ModalView } from "@slack/types";
import type { ChannelsAndPeopleView } from "../../domain/workspaces/channels-and-people.js";
import { LeadViews } from "../ids.js";
import { channelInput, checkboxesInput, option, selectInput, timeInput, usersInput } from "./inputs.js";
import { currencyInput, timeZoneInput } from "./pickers.js";
import { Limits, plain, truncate } from "./text.js";

export interface UserGroupChoice {
  id: string;
  name: string;
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** The "Channels and people" settings modal. Block ids are the setting names, so errors map straight back. */
export function channelsSettingsModal(current: ChannelsAndPeopleView, groups: UserGroupChoice[]): ModalView {
  const groupOptions = groups.slice(0, Limits.selectOptions).map((g) => option(g.id, truncate(g.name, 70)));
  if (current.salesUserGroupId && !groupOptions.some((o) => o.value === current.salesUserGroupId)) {
    groupOptions.unshift(option(current.salesUserGroupId, current.salesUserGroupId));
  }
  const channel = (field: "salesChannelId" | "marketingChannelId", label: string, hint: string) =>
    channelInput(field, { label, hint, optional: true, initial: current[field], placeholder: "Pick a channel" });
  const blocks: KnownBlock[] = [
    channel("salesChannelId", "Sales channel", "Where handoff cards are posted."),
    channel("marketingChannelId", "Marketing channel", "Where marketing hears about rejected leads."),
  ];
  if (groupOptions.length > 0) {
    blocks.push(
      selectInput("salesUserGroupId", {
        label: "Sales team: user group",
        optional: true,
        hint: "Members may accept, reject and assign handoffs, and are mentioned on escalations.",
        placeholder: "No user group",
        options: groupOptions,
        initial: current.salesUserGroupId,
      }),
    );
  }
  blocks.push(
    usersInput("salesUserIds", {
      label: "Sales team: people",
      optional: true,
      hint: "With neither a group nor people, every member but guests may answer handoffs.",
      initial: current.salesUserIds,
      placeholder: "Add reps…",
    }),
    usersInput("adminUserIds", {
      label: "Baton admins",
      optional: true,
      hint: "Besides Slack's workspace admins and owners, who are always Baton admins.",
      initial: current.adminUserIds,
      placeholder: "Add admins…",
    }),
    timeZoneInput("timezone", {
      label: "Workspace time zone",
      initial: current.timezone,
      hint: "Type a city to search the time zones. Working hours, periods and digests follow it.",
    }),
    currencyInput("currency", { label: "Currency", initial: current.currency, hint: "The default currency of budgets and deal values." }),
    timeInput("workStart", { label: "Working day starts", initial: hhmm(current.workStartMinute) }),
    timeInput("workEnd", { label: "Working day ends", initial: hhmm(current.workEndMinute) }),
    checkboxesInput("workDays", {
      label: "Working days",
      hint: "Response deadlines only count working hours; reps get leads only inside them (in their own time zone).",
      options: DAYS.map((day, i) => option(String(i + 1), day)),
      initial: current.workDays.map(String),
    }),
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

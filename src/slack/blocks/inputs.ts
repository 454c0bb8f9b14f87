// Input blocks for modals: every form is built from these. block_id is the field's name, the key the domain uses
// for that field's error, so an AppError's fields land inline under the right input; the element's action_id is
// INPUT_ACTION unless a listener answers the element itself (src/slack/ids.ts says so for each).
import type { InputBlock, Option, PlainTextOption } from "@slack/types";
import { INPUT_ACTION } from "../ids.js";
import { Limits, plain, truncate } from "./text.js";

interface Common {
  label: string;
  optional?: boolean;
  hint?: string;
  /** The action_id of an element a listener answers (options, or a change that redraws the modal). */
  actionId?: string;
  /** Sends a block action as soon as the value changes (Slack's dispatch_action). */
  dispatch?: boolean;
}

type Element = InputBlock["element"];

function input(field: string, common: Common, element: Record<string, unknown>): InputBlock {
  return {
    type: "input",
    block_id: field,
    label: plain(common.label, 2000),
    optional: common.optional ?? false,
    ...(common.dispatch ? { dispatch_action: true } : {}),
    ...(common.hint ? { hint: plain(common.hint, 2000) } : {}),
    element: { ...element, action_id: common.actionId ?? INPUT_ACTION } as Element,
  };
}

const placeholderOf = (text: string | undefined) => (text ? { placeholder: plain(text, Limits.placeholder) } : {});

/** An option of a select, checkboxes or radio buttons: what is stored, then what people read. */
export const option = (value: string, text: string): PlainTextOption => ({
  text: plain(text, Limits.optionText),
  value: truncate(value, Limits.optionValue),
});

export function textInput(
  field: string,
  common: Common & { initial?: string | null | undefined; max?: number; multiline?: boolean; placeholder?: string },
): InputBlock {
  const initial = common.initial && common.max ? truncate(common.initial, common.max) : common.initial;
  return input(field, common, {
    type: "plain_text_input",
    multiline: common.multiline ?? false,
    ...(common.max ? { max_length: common.max } : {}),
    ...(initial ? { initial_value: initial } : {}),
    ...placeholderOf(common.placeholder),
  });
}

export function urlInput(field: string, common: Common & { initial?: string | null | undefined }): InputBlock {
  return input(field, common, { type: "url_text_input", ...(common.initial ? { initial_value: common.initial } : {}) });
}

export function numberInput(
  field: string,
  common: Common & { initial?: string | undefined; decimals: boolean; min?: string; max?: string },
): InputBlock {
  return input(field, common, {
    type: "number_input",
    is_decimal_allowed: common.decimals,
    ...(common.initial ? { initial_value: common.initial } : {}),
    ...(common.min ? { min_value: common.min } : {}),
    ...(common.max ? { max_value: common.max } : {}),
  });
}

/** A static select of at most 100 options; `initial` must be one of their values. */
export function selectInput(
  field: string,
  common: Common & { options: PlainTextOption[]; initial?: string | null | undefined; placeholder?: string },
): InputBlock {
  const options = common.options.slice(0, Limits.selectOptions);
  const initial = options.find((o) => o.value === common.initial);
  return input(field, common, {
    type: "static_select",
    options,
    ...(initial ? { initial_option: initial } : {}),
    ...placeholderOf(common.placeholder),
  });
}

/** A static select of options in groups (at most 100 groups of 100 options); `initial` must be one of their values. */
export function groupedSelectInput(
  field: string,
  common: Common & { groups: { label: string; options: PlainTextOption[] }[]; initial?: string | null | undefined; placeholder?: string },
): InputBlock {
  const groups = common.groups
    .filter((g) => g.options.length > 0)
    .slice(0, Limits.selectOptions)
    .map((g) => ({ label: plain(g.label, Limits.optionText), options: g.options.slice(0, Limits.selectOptions) }));
  const initial = groups.flatMap((g) => g.options).find((o) => o.value === common.initial);
  return input(field, common, {
    type: "static_select",
    option_groups: groups,
    ...(initial ? { initial_option: initial } : {}),
    ...placeholderOf(common.placeholder),
  });
}

/** A multi-select of at most 100 options; `initial` are values among them. */
export function multiSelectInput(
  field: string,
  common: Common & { options: PlainTextOption[]; initial: readonly string[]; placeholder?: string },
): InputBlock {
  const options = common.options.slice(0, Limits.selectOptions);
  const initial = options.filter((o) => o.value !== undefined && common.initial.includes(o.value));
  return input(field, common, {
    type: "multi_static_select",
    options,
    ...(initial.length > 0 ? { initial_options: initial } : {}),
    ...placeholderOf(common.placeholder),
  });
}

/** A select whose options an options listener serves as the person types (`actionId` names it). */
export function externalSelectInput(
  field: string,
  common: Common & { actionId: string; initial?: PlainTextOption | undefined; placeholder?: string },
): InputBlock {
  return input(field, common, {
    type: "external_select",
    min_query_length: 0,
    ...(common.initial ? { initial_option: common.initial } : {}),
    ...placeholderOf(common.placeholder),
  });
}

const chosen = <T extends Option>(options: T[], values: readonly string[]) =>
  options.filter((o) => o.value !== undefined && values.includes(o.value));

/** Checkboxes: at most 10 options. */
export function checkboxesInput(field: string, common: Common & { options: Option[]; initial: readonly string[] }): InputBlock {
  const options = common.options.slice(0, 10);
  const initial = chosen(options, common.initial);
  return input(field, common, { type: "checkboxes", options, ...(initial.length > 0 ? { initial_options: initial } : {}) });
}

/** Radio buttons: at most 10 options; `initial` must be one of their values. */
export function radioInput(field: string, common: Common & { options: Option[]; initial?: string | undefined }): InputBlock {
  const options = common.options.slice(0, 10);
  const [initial] = chosen(options, common.initial ? [common.initial] : []);
  return input(field, common, { type: "radio_buttons", options, ...(initial ? { initial_option: initial } : {}) });
}

export function dateInput(field: string, common: Common & { initial?: string | null | undefined }): InputBlock {
  return input(field, common, { type: "datepicker", ...(common.initial ? { initial_date: common.initial } : {}) });
}

/** A time of day, "HH:mm". */
export function timeInput(field: string, common: Common & { initial?: string | undefined }): InputBlock {
  return input(field, common, { type: "timepicker", ...(common.initial ? { initial_time: common.initial } : {}) });
}

export function userInput(field: string, common: Common & { initial?: string | null | undefined }): InputBlock {
  return input(field, common, { type: "users_select", ...(common.initial ? { initial_user: common.initial } : {}) });
}

export function usersInput(field: string, common: Common & { initial: readonly string[]; max?: number; placeholder?: string }): InputBlock {
  return input(field, common, {
    type: "multi_users_select",
    initial_users: [...common.initial],
    ...(common.max ? { max_selected_items: common.max } : {}),
    ...placeholderOf(common.placeholder),
  });
}

/** A public or private channel Baton can be invited to (no DMs with bots). */
export function channelInput(field: string, common: Common & { initial?: string | null | undefined; placeholder?: string }): InputBlock {
  return input(field, common, {
    type: "conversations_select",
    filter: { include: ["public", "private"], exclude_bot_users: true },
    ...(common.initial ? { initial_conversation: common.initial } : {}),
    ...placeholderOf(common.placeholder),
  });
}

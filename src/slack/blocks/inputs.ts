// Input blocks for modals. block_id and action_id are both the field's name, which is also the key the
// domain uses for that field's error, so an AppError's fields land inline under the right input.
import type { InputBlock, Option, PlainTextOption } from "@slack/types";
import { Limits, plain, truncate } from "./text.js";

interface Common {
  label: string;
  optional?: boolean;
  hint?: string;
}

const base = (field: string, common: Common) => ({
  type: "input" as const,
  block_id: field,
  label: plain(common.label, 2000),
  optional: common.optional ?? false,
  ...(common.hint ? { hint: plain(common.hint, 2000) } : {}),
});

export function textInput(
  field: string,
  common: Common & { initial?: string | null | undefined; max?: number; multiline?: boolean; placeholder?: string },
): InputBlock {
  return {
    ...base(field, common),
    element: {
      type: "plain_text_input",
      action_id: field,
      multiline: common.multiline ?? false,
      ...(common.max ? { max_length: common.max } : {}),
      ...(common.initial ? { initial_value: common.initial } : {}),
      ...(common.placeholder ? { placeholder: plain(common.placeholder, Limits.placeholder) } : {}),
    },
  };
}

export function urlInput(field: string, common: Common & { initial?: string | null | undefined }): InputBlock {
  return {
    ...base(field, common),
    element: { type: "url_text_input", action_id: field, ...(common.initial ? { initial_value: common.initial } : {}) },
  };
}

export function numberInput(
  field: string,
  common: Common & { initial?: string | undefined; decimals: boolean; min?: string; max?: string },
): InputBlock {
  return {
    ...base(field, common),
    element: {
      type: "number_input",
      action_id: field,
      is_decimal_allowed: common.decimals,
      ...(common.initial ? { initial_value: common.initial } : {}),
      ...(common.min ? { min_value: common.min } : {}),
      ...(common.max ? { max_value: common.max } : {}),
    },
  };
}

export const option = (value: string, text: string): PlainTextOption => ({
  text: plain(text, Limits.optionText),
  value: truncate(value, Limits.optionValue),
});

/** A static select of at most 100 options; `initial` must be one of their values. */
export function selectInput(
  field: string,
  common: Common & { options: PlainTextOption[]; initial?: string | null | undefined; placeholder?: string },
): InputBlock {
  const options = common.options.slice(0, Limits.selectOptions);
  const initial = options.find((o) => o.value === common.initial);
  return {
    ...base(field, common),
    element: {
      type: "static_select",
      action_id: field,
      options,
      ...(initial ? { initial_option: initial } : {}),
      ...(common.placeholder ? { placeholder: plain(common.placeholder, Limits.placeholder) } : {}),
    },
  };
}

/** Checkboxes: at most 10 options. */
export function checkboxesInput(field: string, common: Common & { options: Option[]; initial: string[] }): InputBlock {
  const options = common.options.slice(0, 10);
  const initial = options.filter((o) => o.value !== undefined && common.initial.includes(o.value));
  return {
    ...base(field, common),
    element: { type: "checkboxes", action_id: field, options, ...(initial.length > 0 ? { initial_options: initial } : {}) },
  };
}

export function dateInput(field: string, common: Common & { initial?: string | null | undefined }): InputBlock {
  return {
    ...base(field, common),
    element: { type: "datepicker", action_id: field, ...(common.initial ? { initial_date: common.initial } : {}) },
  };
}

export function userInput(field: string, common: Common & { initial?: string | null | undefined }): InputBlock {
  return {
    ...base(field, common),
    element: { type: "users_select", action_id: field, ...(common.initial ? { initial_user: common.initial } : {}) },
  };
}

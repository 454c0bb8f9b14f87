// The pickers several forms share: a time zone searched as you type, and a currency from a list.
import type { InputBlock, PlainTextOption } from "@slack/types";
import { COMMON_CURRENCIES } from "../../lib/money.js";
import { PickerActions } from "../ids.js";
import { externalSelectInput, groupedSelectInput, option } from "./inputs.js";

const CURRENCY_NAMES = new Intl.DisplayNames(["en"], { type: "currency" });
const ALL_CURRENCIES = Intl.supportedValuesOf("currency");
/** Slack's limit of options per group. */
const GROUP_SIZE = 100;

/** "EUR · Euro": the code people know, then the name. */
export const currencyOption = (code: string): PlainTextOption => option(code, `${code} · ${CURRENCY_NAMES.of(code) ?? code}`);

/** Every ISO currency Node knows: the common ones first, then the others in alphabetical groups. */
export function currencyInput(field: string, common: { label: string; initial: string; hint?: string }): InputBlock {
  const first = [...new Set([common.initial, ...COMMON_CURRENCIES])].filter((code) => ALL_CURRENCIES.includes(code));
  const rest = ALL_CURRENCIES.filter((code) => !first.includes(code));
  const groups = [{ label: "Common", options: first.map(currencyOption) }];
  for (let i = 0; i < rest.length; i += GROUP_SIZE) {
    const chunk = rest.slice(i, i + GROUP_SIZE);
    groups.push({ label: `Others ${chunk[0]?.[0]}–${chunk.at(-1)?.[0]}`, options: chunk.map(currencyOption) });
  }
  return groupedSelectInput(field, { ...common, groups, initial: common.initial });
}

/**
 * An IANA time zone, searched as the person types (answered by the time zone options listener, whose options also
 * show each zone's offset; the current zone is shown by its name alone, so the builder stays free of the clock).
 */
export function timeZoneInput(field: string, common: { label: string; initial: string | null | undefined; hint?: string }): InputBlock {
  return externalSelectInput(field, {
    label: common.label,
    actionId: PickerActions.timezone,
    placeholder: "Type a city, e.g. Berlin or New York",
    ...(common.hint ? { hint: common.hint } : {}),
    initial: common.initial ? option(common.initial, common.initial.replaceAll("_", " ")) : undefined,
  });
}

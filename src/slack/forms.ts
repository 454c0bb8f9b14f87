// Reading a submitted modal, the one way: every input block holds one element, so its block id (the field's
// name, see ids.ts) finds its value whatever the element is; and the private_metadata the modal was opened with.
import type { ViewStateValue } from "@slack/bolt";

export type ViewValues = Record<string, Record<string, ViewStateValue>>;

/** Text, a chosen option, user, channel, date or time; a list for checkboxes and multi-selects; null when empty. */
export type FormValue = string | string[] | null;

export interface Form {
  /** Every input's value by block id: the raw input a domain schema validates. */
  values: Record<string, FormValue>;
  /** The element type by block id, for a field that is a select or a text input depending on the data. */
  types: Record<string, string | undefined>;
  /** A single value; undefined when empty (or a list). */
  one(blockId: string): string | undefined;
  /** The chosen options, users or channels; [] when none (or a single value). */
  many(blockId: string): string[];
}

const listOf = (items: ({ value?: string } | string)[] | undefined) =>
  (items ?? []).flatMap((item) => (typeof item === "string" ? [item] : item.value ? [item.value] : []));

function elementValue(element: ViewStateValue): FormValue {
  if ("selected_options" in element) return listOf(element.selected_options);
  if ("selected_users" in element) return listOf(element.selected_users);
  if ("selected_conversations" in element) return listOf(element.selected_conversations);
  if ("selected_channels" in element) return listOf(element.selected_channels);
  if ("selected_option" in element) return element.selected_option?.value ?? null;
  if ("selected_user" in element) return element.selected_user ?? null;
  if ("selected_conversation" in element) return element.selected_conversation ?? null;
  if ("selected_channel" in element) return element.selected_channel ?? null;
  if ("selected_date" in element) return element.selected_date ?? null;
  if ("selected_time" in element) return element.selected_time ?? null;
  return element.value ?? null;
}

export function readForm(state: ViewValues | undefined): Form {
  const values: Form["values"] = {};
  const types: Form["types"] = {};
  for (const [blockId, elements] of Object.entries(state ?? {})) {
    const element = Object.values(elements)[0];
    if (!element) continue;
    values[blockId] = elementValue(element);
    types[blockId] = element.type;
  }
  return {
    values,
    types,
    one: (blockId) => {
      const value = values[blockId];
      return typeof value === "string" ? value : undefined;
    },
    many: (blockId) => {
      const value = values[blockId];
      return Array.isArray(value) ? value : [];
    },
  };
}

/** The modal's private_metadata, which Baton wrote as JSON when it opened the modal; {} when missing or unreadable. */
export function metadataOf<T extends object>(raw: string | undefined): Partial<T> {
  try {
    const parsed: unknown = JSON.parse(raw || "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Partial<T>) : {};
  } catch {
    // Not JSON: not a modal Baton opened, so there is nothing to read.
    return {};
  }
}

// Reading a submitted modal's state: every input block holds one element, so a block id finds its value.
import type { ViewStateValue } from "@slack/bolt";

export type ViewValues = Record<string, Record<string, ViewStateValue>>;

const element = (values: ViewValues, blockId: string): ViewStateValue | undefined => Object.values(values[blockId] ?? {})[0];

/** A text input's value, undefined when empty. */
export function textOf(values: ViewValues, blockId: string): string | undefined {
  return element(values, blockId)?.value ?? undefined;
}

/** The chosen option of a static or external select, or of radio buttons. */
export function selectedOf(values: ViewValues, blockId: string): string | undefined {
  return element(values, blockId)?.selected_option?.value ?? undefined;
}

export function checkedOf(values: ViewValues, blockId: string): string[] {
  return (element(values, blockId)?.selected_options ?? []).map((o) => o.value);
}

export function usersOf(values: ViewValues, blockId: string): string[] {
  return element(values, blockId)?.selected_users ?? [];
}

export function conversationOf(values: ViewValues, blockId: string): string | null {
  const e = element(values, blockId);
  return e?.selected_conversation ?? e?.selected_channel ?? null;
}

export function timeOf(values: ViewValues, blockId: string): string | undefined {
  return element(values, blockId)?.selected_time ?? undefined;
}

/** Modal metadata we wrote as JSON; {} when missing or unreadable. */
export function metadataOf<T extends object>(raw: string | undefined): Partial<T> {
  try {
    const parsed = JSON.parse(raw || "{}");
    return typeof parsed === "object" && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

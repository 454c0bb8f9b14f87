// Reads a submitted modal's state: block_id -> the value of its (single) element, whatever its type.

type ElementState = {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  selected_user?: string | null;
  selected_users?: string[];
  selected_date?: string | null;
  selected_conversation?: string | null;
};

export type FormValue = string | string[] | null;

function elementValue(state: ElementState): FormValue {
  if ("selected_options" in state) return (state.selected_options ?? []).flatMap((o) => (o.value ? [o.value] : []));
  if ("selected_users" in state) return state.selected_users ?? [];
  if ("selected_option" in state) return state.selected_option?.value ?? null;
  if ("selected_user" in state) return state.selected_user ?? null;
  if ("selected_date" in state) return state.selected_date ?? null;
  if ("selected_conversation" in state) return state.selected_conversation ?? null;
  return state.value ?? null;
}

export interface FormState {
  values: Record<string, FormValue>;
  /** The element type of each block, e.g. to tell a select from a text input under the same block id. */
  types: Record<string, string | undefined>;
}

export function readFormState(values: Record<string, Record<string, unknown>> | undefined): FormState {
  const state: FormState = { values: {}, types: {} };
  for (const [blockId, actions] of Object.entries(values ?? {})) {
    const element = Object.values(actions)[0] as ElementState | undefined;
    if (!element) continue;
    state.values[blockId] = elementValue(element);
    state.types[blockId] = element.type;
  }
  return state;
}

/** private_metadata as JSON, or {} when it is missing or not ours. */
export function readMetadata(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw || "{}");
    return parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export const metadataString = (metadata: Record<string, unknown>, key: string): string =>
  typeof metadata[key] === "string" ? (metadata[key] as string) : "";

import type { FormState } from "./form-state.js";

/** The campaign modal's state as the domain reads it: a key message picked from the guide arrives by its id. */
export function campaignInput(state: FormState): Record<string, unknown> {
  const { keyMessage, ...rest } = state.values;
  return state.types.keyMessage === "static_select" ? { ...rest, keyMessageId: keyMessage } : { ...rest, keyMessage };
}

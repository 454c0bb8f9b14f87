import type { Form } from "../../forms.js";

/** The campaign modal's state as the domain reads it: a key message picked from the guide arrives by its id. */
export function campaignInput(form: Form): Record<string, unknown> {
  const { keyMessage, ...rest } = form.values;
  return form.types.keyMessage === "static_select" ? { ...rest, keyMessageId: keyMessage } : { ...rest, keyMessage };
}

/** Where a failure naming no field is shown: the first input of the step submitted (name on step 1, product on step 2). */
export const firstInputOf = (shown: readonly string[]) => (shown.includes("name") ? "name" : "product");

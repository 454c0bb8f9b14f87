// Form errors: zod's issues as one message per field, and AppErrors that name the input(s) their message belongs
// to, so Slack shows it inline (the Slack layer's input blocks are named after the fields).
import type { z } from "zod";
import { AppError } from "../lib/errors.js";

type Issue = { path: readonly PropertyKey[]; message: string };
/** One message per field: some fields of a known set, or any field keys. */
type FieldErrors<F extends string> = string extends F ? Record<string, string> : Partial<Record<F, string>>;

/**
 * The first message for each field that has problems, in zod's order (the schema's), keyed by the field (the
 * first part of the issue's path) or by `keyOf` for fields nested in lists.
 */
export function fieldErrors<F extends string = string>(
  issues: readonly Issue[],
  keyOf: (issue: Issue) => F = (issue) => String(issue.path[0]) as F,
): FieldErrors<F> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[keyOf(issue)] ??= issue.message;
  return errors as FieldErrors<F>;
}

export function invalidInput(errors: Record<string, string | undefined>): AppError {
  const fields = Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return new AppError("invalid_input", Object.values(fields)[0] ?? "Some fields need fixing.", fields);
}

/** The parsed input, or an AppError("invalid_input") with a message per field. */
export function validInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw invalidInput(fieldErrors(result.error.issues));
  return result.data;
}

/** Someone saved the same thing since the form was opened: refuse rather than silently overwrite their work. */
export function editConflict(field: string): AppError {
  const message = "Someone else changed this while you were editing it. Close this window and open it again to see their version.";
  return new AppError("conflict", message, { [field]: message });
}

// AppErrors for modal forms: each names the input block(s) its message belongs to, so Slack shows it inline.
import { AppError } from "../lib/errors.js";

export function invalidInput(errors: Record<string, string | undefined>): AppError {
  const fields = Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return new AppError("invalid_input", Object.values(fields)[0] ?? "Some fields need fixing.", fields);
}

/** Someone saved the same thing since the form was opened: refuse rather than silently overwrite their work. */
export function editConflict(field: string): AppError {
  const message = "Someone else changed this while you were editing it. Close this window and open it again to see their version.";
  return new AppError("conflict", message, { [field]: message });
}

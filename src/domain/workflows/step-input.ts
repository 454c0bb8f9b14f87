// The inputs a Workflow Builder step receives, checked with the lead's own rules, and refused in words the person
// who built the workflow understands: the step's input names, never Baton's field names.
import { AppError } from "../../lib/errors.js";
import { type LeadField, type LeadInput, LIMITS, parseLeadInput } from "../leads/lead-input.js";

/** What Slack sends as a step's inputs: the values the workflow's builder mapped, by input name. */
export type StepInputs = Record<string, unknown>;

/** Baton's field → the step's input it came from. */
const INPUT_OF: Partial<Record<LeadField, string>> = { campaignCode: "campaign", campaignId: "campaign" };

const inputName = (field: string) => INPUT_OF[field as LeadField] ?? field;

/** A text input as given ("" and absent alike are undefined); numbers and booleans as their text. */
export function textInput(inputs: StepInputs, name: string): string | undefined {
  const value = inputs[name];
  if (value === undefined || value === null) return undefined;
  const text = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
  return text.trim() ? text : undefined;
}

/** One sentence per bad input, e.g. `The "email" input: That doesn't look like an email address (...)`. */
export function refusal(errors: Record<string, string | undefined>): AppError {
  const lines = Object.entries(errors).map(([field, message]) => `The "${inputName(field)}" input: ${message ?? "is not valid."}`);
  return new AppError("invalid_input", lines.join(" "));
}

/** The lead a "Log a lead" step describes; the campaign is resolved by the caller. */
export function leadFromStep(inputs: StepInputs): LeadInput {
  const raw = Object.fromEntries(["email", "name", "company", "phone", "title", "notes"].map((name) => [name, textInput(inputs, name)]));
  const parsed = parseLeadInput(raw);
  if (!parsed.ok) throw refusal(parsed.errors);
  return parsed.lead;
}

/** The email a step names a lead by, checked as the lead form checks it. */
export function emailFromStep(inputs: StepInputs): string {
  const parsed = parseLeadInput({ email: textInput(inputs, "email") });
  if (!parsed.ok) throw refusal({ email: parsed.errors.email });
  return parsed.lead.email;
}

/** Notes for a handoff: at most what a lead's notes may hold. */
export function notesFromStep(inputs: StepInputs): string | undefined {
  const notes = textInput(inputs, "notes")?.trim();
  if (notes && notes.length > LIMITS.notes) throw refusal({ notes: `Notes can be at most ${LIMITS.notes} characters.` });
  return notes;
}

/** A Slack user id from a step's user input ("Person who used this workflow", or a chosen person). */
export function userFromStep(inputs: StepInputs, name: string): string {
  const user = textInput(inputs, name)?.trim();
  if (!user) throw refusal({ [name]: 'Choose the person (for example "Person who used this workflow").' });
  if (!/^[UW][A-Z0-9]{2,}$/.test(user)) throw refusal({ [name]: "This must be a person in Slack." });
  return user;
}

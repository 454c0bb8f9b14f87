// Words for playbook values, shared by change summaries and the Slack views.

/** 240 -> "4 hours", 90 -> "1 h 30 min", 45 -> "45 minutes". */
export function formatWorkingTime(minutes: number): string {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return `${hours} hour${hours === 1 ? "" : "s"}`;
  return `${hours} h ${rest} min`;
}

/** 0.7 -> "70%", 0.725 -> "72.5%". */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** "a, b, c" or "any" for an empty list. */
export const listOrAny = (items: string[]): string => (items.length > 0 ? items.join(", ") : "any");

/** Quotes a value for a summary line, cut short: summaries are read in a channel, not archived in full. */
export function quote(value: string | null | undefined, max = 80): string {
  if (!value) return "(none)";
  return `“${value.length > max ? `${value.slice(0, max - 1)}…` : value}”`;
}

import { Duration } from "luxon";

/** A Slack date token: each reader sees it in their own time zone; the fallback is UTC. */
export function slackDate(at: Date, format = "{date_short_pretty} at {time}"): string {
  const fallback = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^${format}|${fallback}>`;
}

/** "2 d 3 h", "1 h 20 min", "5 min", "under a minute". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return "under a minute";
  const d = Duration.fromMillis(ms).shiftTo("days", "hours", "minutes");
  const parts: string[] = [];
  if (d.days >= 1) parts.push(`${Math.floor(d.days)} d`);
  if (Math.floor(d.hours) > 0) parts.push(`${Math.floor(d.hours)} h`);
  if (d.days < 1 && Math.floor(d.minutes) > 0) parts.push(`${Math.floor(d.minutes)} min`);
  return parts.join(" ");
}

/** Working minutes as "3 h 10 min" of working time. */
export function formatWorkingMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

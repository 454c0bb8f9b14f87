/** A Slack date token: each reader sees it in their own time zone; the fallback is UTC. */
export function slackDate(at: Date, format = "{date_short_pretty} at {time}"): string {
  const fallback = `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return `<!date^${Math.floor(at.getTime() / 1000)}^${format}|${fallback}>`;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** "2 d 3 h", "1 h 20 min", "5 min", "under a minute". Plain arithmetic: every card and notice draws one. */
export function formatDuration(ms: number): string {
  if (ms < MINUTE_MS) return "under a minute";
  const days = Math.floor(ms / DAY_MS);
  const hours = Math.floor((ms - days * DAY_MS) / HOUR_MS);
  const minutes = Math.floor((ms - days * DAY_MS - hours * HOUR_MS) / MINUTE_MS);
  const parts: string[] = [];
  if (days >= 1) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} h`);
  if (days < 1 && minutes > 0) parts.push(`${minutes} min`);
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

// A digest run's key: what it is for and its scheduled time, unique in JobRun, so one run per slot exists.

/** What a run is for: one digest schedule, or one workspace's personal digests of one period. */
export type RunTarget = { kind: "digest"; scheduleId: string } | { kind: "subscriptions"; teamId: string; period: string };

/** The prefix of a schedule's run keys: `digest:<scheduleId>:<slot ISO>`. */
export const digestKeyPrefix = (scheduleId: string) => `digest:${scheduleId}`;

export function runKey(target: RunTarget, slot: Date): string {
  const prefix = target.kind === "digest" ? digestKeyPrefix(target.scheduleId) : `subscriptions:${target.teamId}:${target.period}`;
  return `${prefix}:${slot.toISOString()}`;
}

export function parseRunKey(key: string): { target: RunTarget; slot: Date } | null {
  const digest = /^digest:([^:]+):(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(key);
  if (digest) return { target: { kind: "digest", scheduleId: digest[1] ?? "" }, slot: new Date(digest[2] ?? "") };
  const subs = /^subscriptions:([^:]+):([a-z]+):(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/.exec(key);
  if (subs) return { target: { kind: "subscriptions", teamId: subs[1] ?? "", period: subs[2] ?? "" }, slot: new Date(subs[3] ?? "") };
  return null;
}

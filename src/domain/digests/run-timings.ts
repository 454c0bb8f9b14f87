// When each digest schedule and each group of personal digests runs, for the scheduler.
import { enabledScheduleTimings } from "../../db/digest-schedules.js";
import { subscriptionGroups } from "../../db/subscriptions.js";
import type { DigestDeps } from "./deps.js";
import type { RunTarget } from "./run-keys.js";

/** When personal digests go out: 09:00 in the workspace's time zone, daily, on Mondays, or on the 1st. */
export const SUBSCRIPTION_CRON: Record<string, string> = { daily: "0 9 * * *", weekly: "0 9 * * 1", monthly: "0 9 1 * *" };

export interface RunTiming {
  target: RunTarget;
  cron: string;
  timezone: string;
  /** Slots at or before this are not this schedule's (it did not exist, or said something else, then). */
  notBefore: Date;
}

/** Every schedule and personal-digest group the scheduler must keep an eye on. */
export async function listRunTimings(deps: Pick<DigestDeps, "db">): Promise<RunTiming[]> {
  const [schedules, groups] = await Promise.all([enabledScheduleTimings(deps.db), subscriptionGroups(deps.db)]);
  return [
    ...schedules.map((s) => ({
      target: { kind: "digest" as const, scheduleId: s.id },
      cron: s.cron,
      timezone: s.timezone,
      notBefore: new Date(Math.max(s.updatedAt.getTime(), s.createdAt.getTime())),
    })),
    ...groups.flatMap((g) => {
      const cron = SUBSCRIPTION_CRON[g.period];
      return cron
        ? [
            {
              target: { kind: "subscriptions" as const, teamId: g.teamId, period: g.period },
              cron,
              timezone: g.timezone,
              notBefore: new Date(0),
            },
          ]
        : [];
    }),
  ];
}

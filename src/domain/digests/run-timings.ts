// When personal digests go out, for the scheduler (digest schedules carry their own cron expression).

/** 09:00 in the workspace's time zone: daily, on Mondays, or on the 1st. */
export const SUBSCRIPTION_CRON: Record<string, string> = { daily: "0 9 * * *", weekly: "0 9 * * 1", monthly: "0 9 1 * *" };

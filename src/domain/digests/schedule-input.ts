// What an admin sets for a digest schedule, validated, and the cron expression it stands for.
import { IANAZone } from "luxon";
import { z } from "zod";
import { fieldErrors } from "../form-errors.js";
import { DIGEST_SECTIONS, DIGEST_VIEWS } from "./digest.js";

export const SCHEDULE_PERIODS = ["daily", "weekly", "monthly"] as const;
export type SchedulePeriod = (typeof SCHEDULE_PERIODS)[number];

/** The period a digest reports on: yesterday, last week, last month. */
export const PERIOD_UNIT_OF = { daily: "day", weekly: "week", monthly: "month" } as const;

export const scheduleInputSchema = z
  .object({
    channelId: z.string({ message: "Pick the channel to post the digest in." }).regex(/^[CG][A-Z0-9]{6,}$/, "Pick a channel."),
    period: z.enum(SCHEDULE_PERIODS, { message: "Pick daily, weekly or monthly." }),
    /** ISO weekday, 1 = Monday (weekly digests). */
    weekday: z.coerce.number().int().min(1).max(7).optional(),
    /** 1-28, or "last" (monthly digests): days 29-31 do not exist in every month. */
    dayOfMonth: z
      .union([
        z.literal("last"),
        z.coerce.number().int().min(1, "Pick a day from 1 to 28.").max(28, "Pick a day from 1 to 28, or the last day."),
      ])
      .optional(),
    time: z.string({ message: "Pick a time." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Pick a time such as 09:00."),
    timezone: z
      .string({ message: "Type a time zone such as Europe/Berlin." })
      .trim()
      .refine((zone) => IANAZone.isValidZone(zone), "That is not a time zone I know: type one such as Europe/Berlin or America/New_York."),
    view: z.enum(DIGEST_VIEWS, { message: "Pick who the digest is for." }),
    /** Empty: the view's default sections. */
    sections: z.array(z.enum(DIGEST_SECTIONS)).default([]),
    skipEmpty: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    if (input.period === "weekly" && input.weekday === undefined) {
      ctx.addIssue({ code: "custom", path: ["weekday"], message: "Pick the day of the week." });
    }
    if (input.period === "monthly" && input.dayOfMonth === undefined) {
      ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: "Pick the day of the month." });
    }
  });

export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export type ParsedSchedule = { ok: true; input: ScheduleInput } | { ok: false; errors: Record<string, string> };

export function parseScheduleInput(raw: unknown): ParsedSchedule {
  const result = scheduleInputSchema.safeParse(raw);
  if (result.success) return { ok: true, input: result.data };
  return { ok: false, errors: fieldErrors(result.error.issues) };
}

/** node-cron expression (5 fields, in the schedule's zone) for the admin's choice. */
export function cronFor(input: Pick<ScheduleInput, "period" | "weekday" | "dayOfMonth" | "time">): string {
  const [hour = "9", minute = "0"] = input.time.split(":").map((part) => String(Number(part)));
  if (input.period === "weekly") return `${minute} ${hour} * * ${(input.weekday ?? 1) % 7}`;
  if (input.period === "monthly") return `${minute} ${hour} ${input.dayOfMonth === "last" ? "L" : (input.dayOfMonth ?? 1)} * *`;
  return `${minute} ${hour} * * *`;
}

export interface ScheduleTimingParts {
  period: SchedulePeriod;
  time: string;
  weekday?: number;
  dayOfMonth?: number | "last";
}

/** The admin's choice back from a cron expression this module wrote; null for any other expression. */
export function timingOf(cron: string): ScheduleTimingParts | null {
  const match = /^(\d{1,2}) (\d{1,2}) (\*|L|\d{1,2}) \* (\*|[0-7])$/.exec(cron.trim());
  if (!match) return null;
  const [, minute = "0", hour = "0", dom = "*", dow = "*"] = match;
  const time = `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`;
  if (dom === "*" && dow === "*") return { period: "daily", time };
  if (dom === "*") return { period: "weekly", time, weekday: Number(dow) === 0 ? 7 : Number(dow) };
  if (dow === "*") return { period: "monthly", time, dayOfMonth: dom === "L" ? "last" : Number(dom) };
  return null;
}

/** What a configured cron (DIGEST_CRON) reports on: a single weekday means weekly, a day of the month monthly. */
export function periodOfCron(cron: string): SchedulePeriod {
  const fields = cron.trim().split(/\s+/);
  const [dom = "*", , dow = "*"] = fields.slice(-3);
  if (dom !== "*" && dom !== "?" && !dom.includes(",") && !dom.includes("-") && !dom.includes("/")) return "monthly";
  if (/^([0-7]|[a-z]{3})$/i.test(dow)) return "weekly";
  return "daily";
}

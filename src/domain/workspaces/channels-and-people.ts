import { z } from "zod";
import { clearExchangeRates } from "../../db/exchange-rates.js";
import { type ChannelsAndPeopleData, findWorkspace, saveChannelsAndPeople } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import { isValidZone } from "../../lib/working-hours.js";
import { fieldErrors } from "../form-errors.js";
import type { WorkspaceDeps } from "./deps.js";
import { workingHoursOf } from "./working-hours.js";

const currencies = new Set(Intl.supportedValuesOf("currency"));
const channel = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,}$/, "Pick a channel from the list.")
  .nullable();
const user = z.string().regex(/^[UW][A-Z0-9]{2,}$/, "Pick people from the list.");
const time = (what: string) =>
  z
    .string({ message: `Pick a ${what} time.` })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Pick a ${what} time.`)
    .transform((hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));

export const channelsAndPeopleSchema = z
  .object({
    salesChannelId: channel,
    marketingChannelId: channel,
    salesUserGroupId: z
      .string()
      .regex(/^S[A-Z0-9]{2,}$/, "Pick a user group from the list.")
      .nullable(),
    salesUserIds: z.array(user).max(200, "List at most 200 people; use a user group for a bigger team."),
    adminUserIds: z.array(user).max(50, "List at most 50 Baton admins."),
    timezone: z.string().trim().refine(isValidZone, "Enter a time zone such as Europe/Berlin or America/New_York."),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => currencies.has(code), "Enter a three-letter currency code such as USD, EUR or GBP."),
    workStart: time("start"),
    workEnd: time("end"),
    workDays: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Pick at least one working day."),
  })
  .refine((s) => s.workEnd > s.workStart, { message: "The working day must end after it starts.", path: ["workEnd"] });

export type ChannelsAndPeopleView = ChannelsAndPeopleData;

/** The "Channels and people" settings: where Baton posts, who is on the sales team, who administers Baton, and when people work. */
export class ChannelsAndPeople {
  constructor(private readonly deps: Pick<WorkspaceDeps, "db" | "roles">) {}

  async get(teamId: string): Promise<ChannelsAndPeopleView> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (!workspace) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
    const hours = workingHoursOf(workspace);
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    return {
      salesChannelId: workspace.salesChannelId,
      marketingChannelId: workspace.marketingChannelId,
      salesUserGroupId: workspace.salesUserGroupId,
      salesUserIds: ids(workspace.salesUserIds),
      adminUserIds: ids(workspace.adminUserIds),
      timezone: workspace.timezone,
      currency: workspace.currency,
      workStartMinute: hours.startMinute,
      workEndMinute: hours.endMinute,
      workDays: [...hours.days],
    };
  }

  /** Saves raw form values; throws AppError("invalid_input") whose fields name the settings to fix. */
  async save(teamId: string, actorId: string, raw: unknown): Promise<void> {
    await this.deps.roles.requireAdmin(teamId, actorId, "change settings");
    const result = channelsAndPeopleSchema.safeParse(raw);
    if (!result.success) {
      throw new AppError("invalid_input", "Some settings need fixing.", fieldErrors(result.error.issues));
    }
    const { workStart, workEnd, workDays, ...rest } = result.data;
    const before = await findWorkspace(this.deps.db, teamId);
    await saveChannelsAndPeople(this.deps.db, teamId, {
      ...rest,
      workStartMinute: workStart,
      workEndMinute: workEnd,
      workDays: [...new Set(workDays)].sort(),
    });
    // Exchange rates are into the workspace's currency: into another one they would be wrong, so they go.
    if (before && before.currency !== rest.currency) await clearExchangeRates(this.deps.db, teamId);
  }
}

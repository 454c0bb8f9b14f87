import { z } from "zod";
import { type LeadExportRecord, recentLeadExports } from "../../db/lead-exports.js";
import { type CustomerDataRoles, findWorkspace, saveCustomerDataRoles } from "../../db/workspaces.js";
import { AppError } from "../../lib/errors.js";
import { fieldErrors } from "../form-errors.js";
import type { WorkspaceDeps } from "./deps.js";

const RECENT_EXPORTS = 5;
const user = z.string().regex(/^[UW][A-Z0-9]{2,}$/, "Pick people from the list.");
const group = z
  .string()
  .regex(/^S[A-Z0-9]{2,}$/, "Pick a user group from the list.")
  .nullable();

const customerDataSchema = z.object({
  marketingUserGroupId: group,
  marketingUserIds: z.array(user).max(200, "List at most 200 people; use a user group for a bigger team."),
  exportUserGroupId: group,
  exportUserIds: z.array(user).max(50, "List at most 50 people; use a user group for more."),
});

export interface CustomerDataView extends CustomerDataRoles {
  recentExports: LeadExportRecord[];
}

const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** "Customer data" settings: who marketing is (they see leads in full) and who may export every lead. */
export class CustomerData {
  constructor(private readonly deps: Pick<WorkspaceDeps, "db" | "roles">) {}

  async get(teamId: string): Promise<CustomerDataView> {
    const workspace = await findWorkspace(this.deps.db, teamId);
    if (!workspace) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
    return {
      marketingUserGroupId: workspace.marketingUserGroupId,
      marketingUserIds: ids(workspace.marketingUserIds),
      exportUserGroupId: workspace.exportUserGroupId,
      exportUserIds: ids(workspace.exportUserIds),
      recentExports: await recentLeadExports(this.deps.db, teamId, RECENT_EXPORTS),
    };
  }

  /** Saves raw form values; throws AppError("invalid_input") whose fields name the settings to fix. */
  async save(teamId: string, actorId: string, raw: unknown): Promise<void> {
    await this.deps.roles.requireAdmin(teamId, actorId, "change who sees customer data");
    const result = customerDataSchema.safeParse(raw);
    if (!result.success) throw new AppError("invalid_input", "Some settings need fixing.", fieldErrors(result.error.issues));
    await saveCustomerDataRoles(this.deps.db, teamId, result.data);
  }
}

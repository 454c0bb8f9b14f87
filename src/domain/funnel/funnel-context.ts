// What every funnel figure is computed against: the workspace's time zone, currency and agreement.
import { funnelContextRow } from "../../db/funnel-context.js";
import { AppError } from "../../lib/errors.js";
import type { WorkingHours } from "../../lib/working-hours.js";
import { AGREEMENT_DEFAULTS, type AgreementTerms } from "../playbook/agreement-input.js";
import { workingHoursOf } from "../workspaces/working-hours.js";
import type { FunnelDeps } from "./deps.js";

export interface FunnelContext {
  teamId: string;
  zone: string;
  currency: string;
  agreement: AgreementTerms;
  /** The workspace's working hours: the SLA's clock. */
  hours: WorkingHours;
}

export async function funnelContext(deps: Pick<FunnelDeps, "db">, teamId: string): Promise<FunnelContext> {
  const row = await funnelContextRow(deps.db, teamId);
  if (!row) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
  return {
    teamId,
    zone: row.timezone,
    currency: row.currency,
    agreement: row.agreement ?? { ...AGREEMENT_DEFAULTS },
    hours: workingHoursOf(row),
  };
}

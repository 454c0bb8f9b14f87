// What every funnel figure is computed against: the workspace's time zone, currency and agreement.
import { exchangeRateRows } from "../../db/exchange-rates.js";
import { funnelContextRow } from "../../db/funnel-context.js";
import { AppError } from "../../lib/errors.js";
import type { WorkingHours } from "../../lib/working-hours.js";
import { type ExchangeRates, exchangeRates } from "../money/exchange-rates.js";
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
  /** The rates admins set to convert other currencies into `currency` (none: each currency stays apart). */
  rates: ExchangeRates;
}

export async function funnelContext(deps: Pick<FunnelDeps, "db">, teamId: string): Promise<FunnelContext> {
  const [row, rates] = await Promise.all([funnelContextRow(deps.db, teamId), exchangeRateRows(deps.db, teamId)]);
  if (!row) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
  return {
    teamId,
    zone: row.timezone,
    currency: row.currency,
    agreement: row.agreement ?? { ...AGREEMENT_DEFAULTS },
    hours: workingHoursOf(row),
    rates: exchangeRates(row.currency, rates, row.timezone),
  };
}

import type { Db } from "../../db/client.js";
import { funnelContextRow } from "../../db/funnel-context.js";
import type { Provider } from "../../db/target.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";

export interface FunnelDeps {
  db: Db;
  /** Raw SQL differs between the two databases for percentiles. */
  provider: Provider;
  clock: Clock;
}

/** The sales-marketing agreement (the playbook's SLA terms); these defaults hold until someone sets it. */
export interface AgreementTerms {
  mqlMonthlyTarget: number;
  responseSlaMinutes: number;
  acceptanceRateTarget: number;
}

export const AGREEMENT_DEFAULTS: AgreementTerms = { mqlMonthlyTarget: 100, responseSlaMinutes: 240, acceptanceRateTarget: 0.7 };

export interface FunnelContext {
  teamId: string;
  zone: string;
  currency: string;
  agreement: AgreementTerms;
}

export async function funnelContext(deps: FunnelDeps, teamId: string): Promise<FunnelContext> {
  const row = await funnelContextRow(deps.db, teamId);
  if (!row) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
  return { teamId, zone: row.timezone, currency: row.currency, agreement: row.agreement ?? AGREEMENT_DEFAULTS };
}

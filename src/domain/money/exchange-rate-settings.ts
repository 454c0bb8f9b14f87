// "Exchange rates" in /baton settings: one rate per currency the workspace's campaigns and deals use, into the
// workspace's currency. Saving the form sets every rate in it, on that day, by that admin.
import type { Db } from "../../db/client.js";
import { currenciesInUse, type ExchangeRateRow, replaceExchangeRates, workspaceRates } from "../../db/exchange-rates.js";
import type { Clock } from "../../lib/clock.js";
import { AppError } from "../../lib/errors.js";
import { isCurrency } from "../../lib/money.js";
import { invalidInput } from "../form-errors.js";
import type { Roles } from "../people/roles.js";
import { normaliseRate } from "./exchange-rates.js";

export interface ExchangeRateSettingsView {
  /** The workspace's currency. */
  base: string;
  /** Currencies to ask a rate for: those in use and those with a rate, never the workspace's own. */
  currencies: string[];
  rates: ExchangeRateRow[];
}

/** The input block of a currency's rate (and the key of its inline error). */
export const rateField = (currency: string) => `rate_${currency}`;

export class ExchangeRateSettings {
  constructor(private readonly deps: { db: Db; clock: Clock; roles: Roles }) {}

  async get(teamId: string): Promise<ExchangeRateSettingsView> {
    const [workspace, inUse] = await Promise.all([workspaceRates(this.deps.db, teamId), currenciesInUse(this.deps.db, teamId)]);
    if (!workspace) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
    const base = workspace.currency;
    const currencies = [...new Set([...inUse, ...workspace.rates.map((r) => r.currency)])].filter((c) => c !== base).sort();
    return { base, currencies, rates: workspace.rates.filter((r) => r.currency !== base) };
  }

  /**
   * Saves the rates typed per currency (`{ EUR: "1.08", JPY: "" }`; blank: no rate). Throws AppError("invalid_input")
   * whose fields name each rate to fix.
   */
  async save(teamId: string, actorId: string, typed: Record<string, string>): Promise<void> {
    await this.deps.roles.requireAdmin(teamId, actorId, "set exchange rates");
    const workspace = await workspaceRates(this.deps.db, teamId);
    if (!workspace) throw new AppError("not_found", "This workspace is not set up in Baton yet.");
    const base = workspace.currency;
    const setAt = this.deps.clock.now();
    const errors: Record<string, string> = {};
    const rows: ExchangeRateRow[] = [];
    for (const [currency, text] of Object.entries(typed)) {
      if (!text.trim()) continue;
      const rate = normaliseRate(text);
      if (!isCurrency(currency) || currency === base) errors[rateField(currency)] = `Baton can't convert ${currency} into ${base}.`;
      else if (rate === null)
        errors[rateField(currency)] = `Enter what 1 ${currency} is worth in ${base} as a positive number, e.g. 1.08 (up to 10 decimals).`;
      else rows.push({ currency, rate, setAt, setById: actorId });
    }
    if (Object.keys(errors).length > 0) throw invalidInput(errors);
    await this.deps.db.$transaction((tx) => replaceExchangeRates(tx, teamId, rows));
  }
}

import { exchangeRatesModal, exchangeRatesSummary } from "../blocks/exchange-rates-settings.js";
import type { SettingsSection } from "./section.js";

/** "Exchange rates": what one unit of each currency in use is worth in the workspace's currency. */
export const exchangeRatesSection: SettingsSection = {
  key: "exchange_rates",
  title: "Exchange rates",
  async summary({ deps, teamId }) {
    return exchangeRatesSummary(await deps.services.exchangeRates.get(teamId));
  },
  async open({ client, deps, teamId, triggerId }) {
    await client.views.push({ trigger_id: triggerId, view: exchangeRatesModal(await deps.services.exchangeRates.get(teamId)) });
  },
};

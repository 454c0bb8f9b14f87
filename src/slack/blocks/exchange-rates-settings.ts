// The "Exchange rates" settings modal: one rate per currency the workspace's campaigns and deals use.
import type { KnownBlock, ModalView } from "@slack/types";
import { type ExchangeRateSettingsView, rateField } from "../../domain/money/exchange-rate-settings.js";
import { LeadViews } from "../ids.js";
import { textInput } from "./inputs.js";
import { Limits, mention, mrkdwn, plain } from "./text.js";
import { slackDate } from "./time.js";

/** Room left in a modal for rate inputs after the explanation blocks. */
const MAX_RATES = Limits.viewBlocks - 3;

export function ratesExplained(base: string): string {
  return `*How Baton adds up money.* Amounts in different currencies are never added up unless you set what one unit of each is worth in ${base}. With a rate for every currency in a figure, totals, rankings, return on spend and the scorecard are converted into ${base} and say when the rates were set; without, each currency is shown apart. Each currency's total is converted on its own and rounded to the nearest cent (the smallest unit of ${base}, halves up), then added.`;
}

/** "Set Dec 1, 2026 by @Kim", or that none is set. */
function lastSet(view: ExchangeRateSettingsView): string {
  const latest = [...view.rates].sort((a, b) => b.setAt.getTime() - a.setAt.getTime())[0];
  if (!latest) return "No rates set yet: each currency is shown apart.";
  return `Rates set ${slackDate(latest.setAt, "{date_short}")} by ${mention(latest.setById)}.`;
}

export function exchangeRatesModal(view: ExchangeRateSettingsView): ModalView {
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(ratesExplained(view.base)) }];
  const base: Omit<ModalView, "blocks"> = {
    type: "modal",
    callback_id: LeadViews.exchangeRates,
    title: plain("Exchange rates", Limits.modalTitle),
    close: plain("Back", Limits.modalTitle),
  };
  if (view.currencies.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(`Every campaign and deal is in ${view.base} so far: there is nothing to convert.`) });
    return { ...base, blocks };
  }
  blocks.push({ type: "context", elements: [mrkdwn(lastSet(view))] });
  for (const currency of view.currencies.slice(0, MAX_RATES)) {
    const current = view.rates.find((r) => r.currency === currency);
    blocks.push(
      textInput(rateField(currency), {
        label: `1 ${currency} = ? ${view.base}`,
        optional: true,
        initial: current?.rate,
        max: 24,
        placeholder: "e.g. 1.08; blank keeps it apart",
      }),
    );
  }
  return { ...base, submit: plain("Save", Limits.modalTitle), blocks };
}

/** The settings home's line: "1 EUR = 1.08 USD · 1 JPY = 0.0067 USD", or that each currency stays apart. */
export function exchangeRatesSummary(view: ExchangeRateSettingsView): string {
  if (view.rates.length === 0)
    return view.currencies.length > 0
      ? `No rates: ${view.currencies.join(", ")} shown apart from ${view.base}`
      : `Everything is in ${view.base}`;
  const missing = view.currencies.filter((c) => !view.rates.some((r) => r.currency === c));
  const set = view.rates.map((r) => `1 ${r.currency} = ${r.rate} ${view.base}`).join(" · ");
  return missing.length > 0 ? `${set} · no rate: ${missing.join(", ")}` : set;
}

// The workspace's exchange rates to its own currency (one row per currency), and what converting needs with them.
import type { Db, Tx } from "./client.js";

export interface ExchangeRateRow {
  currency: string;
  rate: string;
  setAt: Date;
  setById: string;
}

const columns = { currency: true, rate: true, setAt: true, setById: true } as const;

export function exchangeRateRows(db: Db | Tx, teamId: string): Promise<ExchangeRateRow[]> {
  return db.exchangeRate.findMany({ where: { teamId }, select: columns, orderBy: { currency: "asc" } });
}

/** The workspace's currency and zone with its rates: everything converting an amount needs. */
export async function workspaceRates(
  db: Db,
  teamId: string,
): Promise<{ currency: string; timezone: string; rates: ExchangeRateRow[] } | null> {
  const [workspace, rates] = await Promise.all([
    db.workspace.findUnique({ where: { teamId }, select: { currency: true, timezone: true } }),
    exchangeRateRows(db, teamId),
  ]);
  return workspace ? { ...workspace, rates } : null;
}

/** Replaces every rate of the workspace with `rates` (the settings form holds them all). */
export async function replaceExchangeRates(tx: Tx, teamId: string, rates: ExchangeRateRow[]): Promise<void> {
  await tx.exchangeRate.deleteMany({ where: { teamId } });
  if (rates.length > 0) await tx.exchangeRate.createMany({ data: rates.map((r) => ({ teamId, ...r })) });
}

/** Every currency the workspace's campaigns and deals use, for the settings form to ask a rate of each. */
export async function currenciesInUse(db: Db, teamId: string): Promise<string[]> {
  const [campaigns, deals] = await Promise.all([
    db.campaign.findMany({ where: { teamId }, select: { currency: true }, distinct: ["currency"] }),
    db.lead.findMany({ where: { teamId, dealCurrency: { not: null } }, select: { dealCurrency: true }, distinct: ["dealCurrency"] }),
  ]);
  const codes = [...campaigns.map((c) => c.currency), ...deals.map((d) => d.dealCurrency ?? "")].filter(Boolean);
  return [...new Set(codes)].sort();
}

export async function clearExchangeRates(db: Db, teamId: string): Promise<void> {
  await db.exchangeRate.deleteMany({ where: { teamId } });
}

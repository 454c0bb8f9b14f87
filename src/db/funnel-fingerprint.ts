import type { Db } from "./client.js";

/**
 * A value that changes whenever something the funnel counts changes: the time of the last write to the
 * workspace's leads, events, handoffs, campaigns, settings, agreement and exchange rates (their count too, as
 * removing one leaves the others' time). Each part is one index lookup.
 */
export async function funnelFingerprint(db: Db, teamId: string): Promise<string> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT
      (SELECT max("updatedAt") FROM "Lead" WHERE "teamId" = ${teamId}) AS leads,
      (SELECT max("at") FROM "LeadEvent" WHERE "teamId" = ${teamId}) AS events,
      (SELECT max("updatedAt") FROM "Handoff" WHERE "teamId" = ${teamId}) AS handoffs,
      (SELECT max("updatedAt") FROM "Campaign" WHERE "teamId" = ${teamId}) AS campaigns,
      (SELECT max("updatedAt") FROM "Workspace" WHERE "teamId" = ${teamId}) AS workspace,
      (SELECT max("updatedAt") FROM "Agreement" WHERE "teamId" = ${teamId}) AS agreement,
      (SELECT max("setAt") FROM "ExchangeRate" WHERE "teamId" = ${teamId}) AS rates,
      (SELECT CAST(count(*) AS TEXT) FROM "ExchangeRate" WHERE "teamId" = ${teamId}) AS "rateCount"`;
  return JSON.stringify(rows[0] ?? null);
}

// Dead letters reported to the workspace's admins: at most one DM report per workspace per hour, listing what Slack
// never took since the last report; an hourly catch-up reports what that left out. Marked once in the database (as
// digests mark a channel problem), so replicas send one between them. The report is sent directly, not through the
// outbox: a report that fails is logged only.
import type { Db } from "../../db/client.js";
import { claimOnceMarker, latestOnceMarkerAt } from "../../db/once.js";
import { deadEffectsSince, teamsWithDeadEffectsSince } from "../../db/outbox.js";
import { findWorkspace } from "../../db/workspaces.js";
import type { Clock } from "../../lib/clock.js";
import type { Logger } from "../../lib/logger.js";
import type { AdminReports } from "../ports.js";
import { adminsToTell } from "../workspaces/admins.js";

const HOUR_MS = 60 * 60_000;
/** With no earlier report kept: the dead letters of the last day. */
const FIRST_REPORT_LOOKBACK_MS = 24 * HOUR_MS;
const LISTED = 20;

const markerPrefix = (teamId: string) => `outbox-dead-letters:${teamId}:`;

export interface DeadLetterDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  reports: AdminReports;
}

/**
 * Hourly, on every replica: reports what the reports when each letter died left out (a dead letter after that hour's
 * report, or one whose process stopped before reporting it). Returns how many workspaces were told.
 */
export async function reportMissedDeadLetters(deps: DeadLetterDeps): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - FIRST_REPORT_LOOKBACK_MS);
  let told = 0;
  for (const teamId of await teamsWithDeadEffectsSince(deps.db, since)) {
    if (await reportDeadLetters(deps, teamId)) told++;
  }
  return told;
}

/**
 * Tells the workspace's admins of the dead letters since its last report, unless there are none or it had a report
 * this hour (those are listed in the next one: the hourly catch-up sends it); called as each letter is settled.
 * True if it sent a report. Never throws.
 */
export async function reportDeadLetters(deps: DeadLetterDeps, teamId: string): Promise<boolean> {
  try {
    const now = deps.clock.now();
    const hour = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
    const previous = await latestOnceMarkerAt(deps.db, teamId, markerPrefix(teamId));
    if (previous && previous >= hour) return false;
    const since = previous ?? new Date(now.getTime() - FIRST_REPORT_LOOKBACK_MS);
    const dead = await deadEffectsSince(deps.db, teamId, since, LISTED);
    if (dead.total === 0) return false;
    if (!(await claimOnceMarker(deps.db, `${markerPrefix(teamId)}${hour.toISOString()}`, teamId, now))) return false;
    const undelivered = dead.rows.map((row) => ({ kind: row.kind, channelId: row.channelId, reason: row.lastError ?? "unknown" }));
    const userIds = adminsToTell(await findWorkspace(deps.db, teamId));
    await deps.reports.tellUndelivered({ teamId, userIds, undelivered, more: dead.total - undelivered.length });
    return true;
  } catch (error) {
    deps.logger.error({ err: error, teamId }, "could not tell the admins about Slack messages that were never delivered");
    return false;
  }
}

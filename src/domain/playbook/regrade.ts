// Keeping fit grades true to the ICP: grading one lead's fields, and regrading a whole workspace after a change.
import type { Tx } from "../../db/client.js";
import {
  countLeadsByFitGrade,
  hasMarker,
  latestIcpChangesSince,
  leadFitPage,
  listSegments,
  putMarker,
  setLeadFit,
} from "../../db/playbook.js";
import { fitNote } from "../leads/attribution-note.js";
import type { PlaybookDeps } from "./deps.js";
import { type Fit, type FitFields, fitOf, type SegmentCriteria } from "./fit.js";
import { toSegmentInput } from "./segment.js";

type RegradeDeps = Pick<PlaybookDeps, "db" | "clock">;

export const REGRADE_PAGE_SIZE = 500;
/** How far back the catch-up job looks for ICP changes whose regrade may not have finished. */
const CATCH_UP_DAYS = 7;

export async function segmentCriteria(db: Tx, teamId: string): Promise<SegmentCriteria[]> {
  return (await listSegments(db, teamId)).map((row) => ({ id: row.id, ...toSegmentInput(row) }));
}

/** The lead's fit against the workspace's ICP now, or undefined when the workspace has no ICP. */
export async function gradeLead(db: Tx, teamId: string, lead: FitFields): Promise<Fit | undefined> {
  return fitOf(lead, await segmentCriteria(db, teamId));
}

export interface RegradeResult {
  leads: number;
  changed: number;
}

/**
 * Regrades every lead of the workspace against its current ICP, a page of leads at a time (by id), writing
 * only grades that changed (with their events' copy and a line of history): bounded memory, short transactions. Without segments, grades
 * are cleared: they were computed from a profile that no longer exists.
 * The ICP is read again for every page, and a page is graded again when the ICP changed while it was being
 * written, so that concurrent edits (on any replica) end with every lead graded against the latest profile.
 */
export async function regradeLeads(deps: RegradeDeps, teamId: string, pageSize = REGRADE_PAGE_SIZE): Promise<RegradeResult> {
  const { db } = deps;
  let after: string | undefined;
  const result: RegradeResult = { leads: 0, changed: 0 };
  for (;;) {
    const segments = await segmentCriteria(db, teamId);
    const page = await leadFitPage(db, teamId, after, pageSize);
    if (page.length === 0) return result;
    const changes = new Map<
      string,
      { fit: { fitGrade: string | null; fitSegmentId: string | null }; leads: { id: string; note: string | null }[] }
    >();
    for (const lead of page) {
      const fit = fitOf(lead, segments);
      const next = { fitGrade: fit?.grade ?? null, fitSegmentId: fit?.segmentId ?? null };
      if (next.fitGrade === lead.fitGrade && next.fitSegmentId === lead.fitSegmentId) continue;
      const key = `${next.fitGrade}:${next.fitSegmentId}`;
      const group = changes.get(key) ?? { fit: next, leads: [] };
      const note = fitNote(lead.fitGrade, next.fitGrade);
      group.leads.push({ id: lead.id, note: note ? `${note} (the ICP changed)` : null });
      changes.set(key, group);
    }
    const at = deps.clock.now();
    for (const { fit, leads } of changes.values()) await setLeadFit(db, teamId, { fit, leads, at });
    if (JSON.stringify(await segmentCriteria(db, teamId)) !== JSON.stringify(segments)) continue; // grade this page again
    result.leads += page.length;
    result.changed += [...changes.values()].reduce((sum, group) => sum + group.leads.length, 0);
    after = page.at(-1)?.id;
  }
}

const appliedKey = (changeId: string) => `icp-applied:${changeId}`;

/** Regrades after an ICP change and notes that it was applied, so the catch-up job leaves it alone. */
export async function applyIcpChange(deps: RegradeDeps, teamId: string, changeId: string): Promise<RegradeResult> {
  const result = await regradeLeads(deps, teamId);
  await putMarker(deps.db, appliedKey(changeId), teamId, deps.clock.now());
  return result;
}

/**
 * Finishes regrades that a crash or a restart cut short: every workspace whose latest ICP change (in the last
 * week) was never noted as applied is regraded. Safe on several replicas at once: regrading is idempotent.
 */
export async function catchUpRegrades(deps: RegradeDeps): Promise<{ teams: number }> {
  const { db, clock } = deps;
  const since = new Date(clock.now().getTime() - CATCH_UP_DAYS * 86_400_000);
  let teams = 0;
  for (const change of await latestIcpChangesSince(db, since)) {
    if (await hasMarker(db, appliedKey(change.id))) continue;
    await applyIcpChange(deps, change.teamId, change.id);
    teams += 1;
  }
  return { teams };
}

/** How many of the workspace's leads have each fit grade ("none": not graded). */
export async function gradeCounts(deps: Pick<PlaybookDeps, "db">, teamId: string): Promise<Record<string, number>> {
  const rows = await countLeadsByFitGrade(deps.db, teamId);
  return Object.fromEntries(rows.map((row) => [row.fitGrade ?? "none", row.leads]));
}

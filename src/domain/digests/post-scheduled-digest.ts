// One scheduled digest: the period before its scheduled time, to its channel (its chart inside), once.
import { scheduleForRun } from "../../db/digest-schedules.js";
import { clearMarkersWithPrefix, type JobRun, markOnce } from "../../db/job-runs.js";
import { servesScheduledWork } from "../../db/org-workspaces.js";
import { findWorkspace } from "../../db/workspaces.js";
import { funnelContext } from "../funnel/funnel-context.js";
import { lastCompletePeriod } from "../funnel/periods.js";
import { adminsToTell } from "../workspaces/admins.js";
import { composeDigest } from "./compose-digest.js";
import { deliverOnce, skipDelivery } from "./deliver-once.js";
import type { DigestDeps } from "./deps.js";
import type { RunHandle } from "./run-lease.js";
import type { RunOutcome } from "./run-policy.js";
import { PERIOD_UNIT_OF } from "./schedule-input.js";
import { summariseSchedule } from "./schedule-summary.js";

export interface ScheduledDigestRun {
  /** The run as this replica claimed it. */
  run: RunHandle;
  row: JobRun;
  scheduleId: string;
}

export async function postScheduledDigest(deps: DigestDeps, { run, row, scheduleId }: ScheduledDigestRun): Promise<RunOutcome> {
  const schedule = await scheduleForRun(deps.db, scheduleId);
  if (!schedule?.enabled) return { status: "skipped", error: "the schedule was removed or turned off" };
  const { teamId, channelId } = schedule;
  if (!(await servesScheduledWork(deps.db, teamId)))
    return { status: "skipped", error: "Baton is not enabled in this workspace of its org" };
  const summary = summariseSchedule(schedule);
  const context = await funnelContext(deps, teamId);
  // The period before the scheduled time, not before now: a late digest reports what it would have on time.
  const period = lastCompletePeriod(PERIOD_UNIT_OF[summary.period], row.scheduledFor, context.zone);
  const digest = await composeDigest(deps, context, { period, view: summary.view, sections: summary.chosenSections });
  const target = `channel:${channelId}`;
  if (schedule.skipEmpty && digest.empty) {
    await skipDelivery(deps, run, target, "nothing happened in the period");
    return { status: "skipped", error: "nothing happened in the period" };
  }
  const message = await deliverOnce(deps, {
    run,
    target,
    send: () => deps.publisher.postDigest({ teamId, channelId, digest, runId: row.id, lateFor: row.late ? row.scheduledFor : null }),
    recover: () => deps.publisher.findDigest({ teamId, channelId, runId: row.id, since: row.scheduledFor }),
  });
  const problemKey = `digest-problem:${teamId}:${channelId}:`;
  if (message.status === "failed") {
    if (message.now) await reportOnce(deps, { teamId, channelId, reason: message.reason, key: problemKey, creator: schedule.createdById });
    return { status: "done", error: `not delivered: ${message.reason}` };
  }
  if (message.status === "skipped") return { status: "done", error: message.reason };
  if (message.now) await clearMarkersWithPrefix(deps.db, problemKey);
  return { status: "done" };
}

/** Tells the admins once per channel and problem; a later success forgets it, so a relapse is reported again. */
async function reportOnce(
  deps: DigestDeps,
  problem: { teamId: string; channelId: string; reason: string; key: string; creator: string },
): Promise<void> {
  const { teamId, channelId, reason } = problem;
  deps.logger.warn({ teamId, channelId, reason }, "digest channel unusable; other channels still get theirs");
  if (!(await markOnce(deps.db, `${problem.key}${reason}`, teamId))) return;
  const userIds = adminsToTell(await findWorkspace(deps.db, teamId), [problem.creator]);
  try {
    await deps.publisher.tellAdmins({ teamId, userIds, channelId, reason });
  } catch (error) {
    deps.logger.error({ err: error, teamId, channelId }, "could not tell admins about a digest channel problem");
  }
}

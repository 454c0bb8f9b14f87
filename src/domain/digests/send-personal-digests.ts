// One workspace's personal digests of one period (daily, weekly or monthly), each by DM, each once.
import { campaignById } from "../../db/funnel-context.js";
import { findDelivery, type JobRun } from "../../db/job-runs.js";
import { servesScheduledWork } from "../../db/org-workspaces.js";
import { type Subscription, subscriptionsPage } from "../../db/subscriptions.js";
import { type FunnelContext, funnelContext } from "../funnel/funnel-context.js";
import { lastCompletePeriod, type Period, type PeriodUnit } from "../funnel/periods.js";
import { composePersonalDigest } from "./compose-personal-digest.js";
import { deliverOnce, skipDelivery } from "./deliver-once.js";
import type { DigestDeps } from "./deps.js";
import { isEmptyPersonal } from "./personal-digest.js";
import { LostLease, type RunHandle } from "./run-lease.js";
import type { RunOutcome } from "./run-policy.js";
import { PERIOD_UNIT_OF } from "./schedule-input.js";

const PAGE = 100;

export interface PersonalDigestsRun {
  /** The run as this replica claimed it. */
  run: RunHandle;
  row: JobRun;
  teamId: string;
  /** daily, weekly or monthly: the subscriptions of that rhythm. */
  period: string;
}

export async function sendPersonalDigests(deps: DigestDeps, { run, row, teamId, period: rhythm }: PersonalDigestsRun): Promise<RunOutcome> {
  if (!(await servesScheduledWork(deps.db, teamId)))
    return { status: "skipped", error: "Baton is not enabled in this workspace of its org" };
  const context = await funnelContext(deps, teamId);
  const unit: PeriodUnit = PERIOD_UNIT_OF[rhythm as keyof typeof PERIOD_UNIT_OF] ?? "week";
  const period = lastCompletePeriod(unit, row.scheduledFor, context.zone);
  let failures = 0;
  let after: string | null = null;
  for (;;) {
    const page = await subscriptionsPage(deps.db, teamId, rhythm, after, PAGE);
    for (const subscription of page) {
      try {
        await sendPersonal(deps, { run, row, context, period, subscription });
      } catch (error) {
        if (error instanceof LostLease) throw error;
        failures += 1;
        deps.logger.warn({ err: error, subscription: subscription.id }, "personal digest not sent; the next tick retries it");
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]?.id ?? null;
  }
  if (failures > 0) throw new Error(`${failures} personal digest(s) not sent yet`);
  return { status: "done" };
}

async function sendPersonal(
  deps: DigestDeps,
  {
    run,
    row,
    context,
    period,
    subscription,
  }: { run: RunHandle; row: JobRun; context: FunnelContext; period: Period; subscription: Subscription },
): Promise<void> {
  const target = `subscription:${subscription.id}`;
  const settled = await findDelivery(deps.db, run.id, target);
  if (settled && settled.status !== "retry" && settled.status !== "sending") return;
  const campaign =
    subscription.kind === "campaign" ? await campaignById(deps.db, context.teamId, subscription.campaignId ?? "") : undefined;
  if (campaign === null) return skipDelivery(deps, run, target, "the campaign no longer exists");
  const digest = await composePersonalDigest(deps, { context, userId: subscription.userId, period, ...(campaign ? { campaign } : {}) });
  if (isEmptyPersonal(digest)) return skipDelivery(deps, run, target, "nothing to report");
  await deliverOnce(deps, {
    run,
    target,
    send: () => deps.publisher.sendPersonal({ teamId: context.teamId, userId: subscription.userId, digest, runId: row.id }),
  });
}

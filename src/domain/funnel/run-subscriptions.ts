// One workspace's personal digests of one period (daily, weekly or monthly), each by DM, each once.
import { campaignById } from "../../db/funnel-context.js";
import { findDelivery, type JobRun } from "../../db/job-runs.js";
import { type Subscription, subscriptionsPage } from "../../db/subscriptions.js";
import { type FunnelContext, funnelContext } from "./context.js";
import { deliverOnce, LostLease, type RunHandle, skipDelivery } from "./delivery.js";
import type { RunDeps } from "./digest-runs.js";
import { lastCompletePeriod, type Period, type PeriodUnit } from "./periods.js";
import { campaignDigest, isEmptyPersonal, myHandoffsDigest, type PersonalDigest } from "./personal-digest.js";
import type { RunOutcome } from "./run-digest.js";
import { PERIOD_UNIT_OF } from "./schedule-input.js";

const PAGE = 100;

export async function executeSubscriptionRun(
  deps: RunDeps,
  run: RunHandle,
  row: JobRun,
  target: { teamId: string; period: string },
): Promise<RunOutcome> {
  const context = await funnelContext(deps, target.teamId);
  const unit: PeriodUnit = PERIOD_UNIT_OF[target.period as keyof typeof PERIOD_UNIT_OF] ?? "week";
  const period = lastCompletePeriod(unit, row.scheduledFor, context.zone);
  let failures = 0;
  let after: string | null = null;
  for (;;) {
    const page = await subscriptionsPage(deps.db, target.teamId, target.period, after, PAGE);
    for (const subscription of page) {
      try {
        await deliverPersonal(deps, run, row, context, period, subscription);
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

async function deliverPersonal(
  deps: RunDeps,
  run: RunHandle,
  row: JobRun,
  context: FunnelContext,
  period: Period,
  subscription: Subscription,
): Promise<void> {
  const target = `subscription:${subscription.id}`;
  const settled = await findDelivery(deps.db, run.id, target);
  if (settled && settled.status !== "retry" && settled.status !== "sending") return;
  let digest: PersonalDigest;
  if (subscription.kind === "campaign") {
    const campaign = await campaignById(deps.db, context.teamId, subscription.campaignId ?? "");
    if (!campaign) return skipDelivery(deps, run, target, "the campaign no longer exists");
    digest = await campaignDigest(deps, context, subscription.userId, campaign, period);
  } else {
    digest = await myHandoffsDigest(deps, context, subscription.userId, period);
  }
  if (isEmptyPersonal(digest)) return skipDelivery(deps, run, target, "nothing to report");
  await deliverOnce(deps, run, target, () =>
    deps.publisher.sendPersonal({ teamId: context.teamId, userId: subscription.userId, digest, runId: row.id }),
  );
}

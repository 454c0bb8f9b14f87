// When a scheduled digest runs, runs late, is retried, or is skipped. Pure: the scheduler supplies the slots.

/** A digest posted more than this after its scheduled time is marked late. */
export const LATE_AFTER_MS = 5 * 60_000;
/** A digest missed by more than this (every replica was down) is skipped and logged instead of posted late. */
export const LATE_BOUND_MS = 24 * 60 * 60_000;
/** A run that failed is retried on later ticks, this many attempts in all. */
export const MAX_ATTEMPTS = 5;

export interface RunState {
  status: string;
  leaseUntil: Date;
  attempts: number;
}

export type SlotAction =
  | { slot: Date; action: "run"; late: boolean }
  | { slot: Date; action: "resume"; late: boolean }
  | { slot: Date; action: "skip"; reason: string }
  | { slot: Date; action: "abandon"; reason: string };

const unfinished = (run: RunState, now: Date) =>
  (run.status === "running" && run.leaseUntil.getTime() < now.getTime()) || (run.status === "failed" && run.attempts < MAX_ATTEMPTS);

/**
 * `slots`: the schedule's scheduled times up to now, newest first. Only the newest is ever posted (late if need
 * be, within LATE_BOUND_MS): an older digest nobody posted is superseded by the newer one, and is recorded as
 * skipped so the log says so once.
 */
export function planSlots(slots: Date[], runs: Map<number, RunState>, now: Date): SlotAction[] {
  const actions: SlotAction[] = [];
  slots.forEach((slot, index) => {
    const run = runs.get(slot.getTime());
    const age = now.getTime() - slot.getTime();
    const postable = index === 0 && age <= LATE_BOUND_MS;
    const late = age > LATE_AFTER_MS;
    if (postable) {
      if (!run) actions.push({ slot, action: "run", late });
      else if (unfinished(run, now)) actions.push({ slot, action: "resume", late });
      return;
    }
    const reason = index === 0 ? "missed by more than the late bound" : "missed, and a later digest supersedes it";
    if (!run) actions.push({ slot, action: "skip", reason });
    else if (unfinished(run, now)) actions.push({ slot, action: "abandon", reason });
  });
  return actions;
}

/** How a run ended when it did not fail: its messages are out (or were refused for good), or it had nothing to do. */
export interface RunOutcome {
  status: "done" | "skipped";
  error?: string;
}

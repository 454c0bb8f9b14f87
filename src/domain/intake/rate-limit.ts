import { countInWindow } from "../../db/webhooks.js";
import type { IntakeDeps, RateDecision } from "./deps.js";

const WINDOW_MS = 60_000;

/**
 * A per-workspace limit of `perMinute` requests in each clock minute. The counter lives in the database (one row
 * per workspace and minute, incremented atomically), so the limit is shared by every replica.
 */
export class RateLimiter {
  constructor(private readonly deps: Pick<IntakeDeps, "db" | "clock"> & { scope: string; perMinute: number }) {}

  /** Counts one request of the workspace (or of one thing in it, `subject`, e.g. a lead source) in this minute. */
  async take(teamId: string, subject: string = teamId): Promise<RateDecision> {
    const now = this.deps.clock.now().getTime();
    const start = now - (now % WINDOW_MS);
    const key = `${this.deps.scope}:${subject}:${new Date(start).toISOString()}`;
    const count = await countInWindow(this.deps.db, key, teamId, new Date(start + 2 * WINDOW_MS));
    if (count <= this.deps.perMinute) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)) };
  }
}

import type { Db } from "../../db/client.js";
import { countInWindow } from "../../db/webhooks.js";
import type { Clock } from "../../lib/clock.js";

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A per-workspace limit of `perMinute` requests in each clock minute. The counter lives in the database (one row
 * per workspace and minute, incremented atomically), so the limit is shared by every replica.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly scope: string,
    private readonly perMinute: number,
  ) {}

  /** Counts one request of the workspace (or of one thing in it, `subject`, e.g. a lead source) in this minute. */
  async take(teamId: string, subject: string = teamId): Promise<RateDecision> {
    const now = this.clock.now().getTime();
    const start = now - (now % WINDOW_MS);
    const key = `${this.scope}:${subject}:${new Date(start).toISOString()}`;
    const count = await countInWindow(this.db, key, teamId, new Date(start + 2 * WINDOW_MS));
    if (count <= this.perMinute) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)) };
  }
}

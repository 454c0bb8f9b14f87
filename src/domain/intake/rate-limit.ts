import { countInWindow } from "../../db/webhooks.js";
import type { IntakeDeps } from "./deps.js";

const WINDOW_MS = 60_000;

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * A per-workspace limit of `perMinute` requests in each clock minute. The counter lives in the database (one row
 * per workspace and minute, incremented atomically), so the limit is shared by every replica.
 */
export class RateLimiter {
  constructor(private readonly deps: Pick<IntakeDeps, "db" | "clock"> & { scope: string; perMinute: number }) {}

  async take(teamId: string): Promise<RateDecision> {
    const now = this.deps.clock.now().getTime();
    const start = now - (now % WINDOW_MS);
    const key = `${this.deps.scope}:${teamId}:${new Date(start).toISOString()}`;
    const count = await countInWindow(this.deps.db, key, teamId, new Date(start + 2 * WINDOW_MS));
    if (count <= this.deps.perMinute) return { ok: true };
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((start + WINDOW_MS - now) / 1000)) };
  }
}

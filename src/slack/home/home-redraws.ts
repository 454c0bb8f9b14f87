import type { InFlight } from "../../lib/in-flight.js";
import type { Timers } from "../../lib/timers.js";

/** How long a person's App Home redraw waits for more changes of theirs before drawing them all at once. */
export const HOME_REDRAW_WINDOW_MS = 3_000;

interface Pending {
  redraw: () => Promise<void>;
  cancel: () => void;
  settle: () => void;
}

export interface HomeRedrawOptions {
  windowMs: number;
  timers: Timers;
  /** Shutdown and tests wait for a pending redraw as for a listener still working. */
  inFlight: InFlight;
}

/**
 * Redraws of people's App Homes after their changes, off the request path and coalesced: at most one per person
 * per window, drawn from what the database says when it runs. Kept in memory, per process: a redraw lost to a
 * restart, or drawn once by each of two replicas, only leaves a Home briefly stale or drawn twice, and opening the
 * Home (app_home_opened) always draws it at once, whatever is pending.
 */
export class HomeRedraws {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly options: HomeRedrawOptions) {}

  /** Redraws the person's Home once the window has passed; a request meanwhile joins it (its redraw replaces). */
  request(teamId: string, userId: string, redraw: () => Promise<void>): void {
    const key = keyOf(teamId, userId);
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.redraw = redraw;
      return;
    }
    let settle!: () => void;
    const finished = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const entry: Pending = { redraw, settle, cancel: () => undefined };
    entry.cancel = this.options.timers.after(this.options.windowMs, () => {
      if (this.pending.get(key) !== entry) return;
      this.pending.delete(key);
      entry.redraw().finally(settle);
    });
    this.pending.set(key, entry);
    void this.options.inFlight.track(finished);
  }

  /** The person opened their Home, which is drawn now: a pending redraw would only repeat it. */
  drawingNow(teamId: string, userId: string): void {
    this.drop(keyOf(teamId, userId));
  }

  /** Shutdown: pending redraws are dropped (the next app_home_opened draws the Home anyway). */
  stop(): void {
    for (const key of [...this.pending.keys()]) this.drop(key);
  }

  get size(): number {
    return this.pending.size;
  }

  private drop(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    entry.cancel();
    entry.settle();
  }
}

const keyOf = (teamId: string, userId: string) => `${teamId}:${userId}`;

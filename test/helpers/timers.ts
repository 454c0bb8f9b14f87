import type { Timers } from "../../src/lib/timers.js";

/** Timers a test fires by hand, as TestClock is a clock it moves by hand. */
export class ManualTimers implements Timers {
  private waiting: { ms: number; run: () => void }[] = [];

  after(ms: number, run: () => void): () => void {
    const timer = { ms, run };
    this.waiting.push(timer);
    return () => {
      this.waiting = this.waiting.filter((t) => t !== timer);
    };
  }

  /** How many are waiting, and for how long each asked. */
  get pending(): number[] {
    return this.waiting.map((t) => t.ms);
  }

  /** Fires every timer that is waiting now (the window has passed for all of them). */
  fireAll(): void {
    const due = this.waiting;
    this.waiting = [];
    for (const timer of due) timer.run();
  }
}

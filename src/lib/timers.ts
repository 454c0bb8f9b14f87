/** Runs work later. Production uses the system's timers; tests pass a manual one and fire it by hand. */
export interface Timers {
  /** Calls `run` after about `ms`; the returned function cancels it if it has not run yet. */
  after(ms: number, run: () => void): () => void;
}

export const systemTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    // A pending timer never keeps the process alive on its own: shutdown cancels what it must.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** Counts work still running (listeners after their ack, job runs) so shutdown can wait for it, up to a bound. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const forget = () => this.running.delete(work);
    work.then(forget, forget);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves true when everything finished, false if `timeoutMs` passed first. */
  drain(timeoutMs: number): Promise<boolean> {
    return finishedWithin(Promise.allSettled([...this.running]), timeoutMs);
  }
}

/** Resolves true when `work` has finished, false if `timeoutMs` passed first; rejects as `work` does. */
export async function finishedWithin(work: Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([work.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

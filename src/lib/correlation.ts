// A correlation id for everything one request or job run does, carried through async calls, so every log line
// written on its behalf (ours, Bolt's, the Web API client's) can be found together.
import { AsyncLocalStorage } from "node:async_hooks";

export type Correlation = Readonly<Record<string, string>>;

const storage = new AsyncLocalStorage<Correlation>();

/** Runs `work` with these fields added to the current correlation (e.g. `{ requestId }` or `{ job, runId }`). */
export function withCorrelation<T>(fields: Correlation, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

export function currentCorrelation(): Correlation {
  return storage.getStore() ?? {};
}

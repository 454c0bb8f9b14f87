// What every fake of a port shares: it remembers each call in order, and can be told to fail, as Slack may.

type Method<T> = Extract<keyof T, string>;
type ArgsOf<T, M extends Method<T>> = T[M] extends (...args: infer A) => unknown ? A : never;

export interface RecordedCall<T> {
  method: Method<T>;
  args: unknown[];
}

export class Recorder<T> {
  readonly calls: RecordedCall<T>[] = [];
  private readonly failures = new Map<Method<T>, unknown[]>();

  /** The arguments of every call of `method`, oldest first. */
  argsOf<M extends Method<T>>(method: M): ArgsOf<T, M>[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args as ArgsOf<T, M>);
  }

  /** The first argument of every call of `method` (most ports take one object, or the card). */
  firstArgsOf<M extends Method<T>>(method: M): ArgsOf<T, M>[0][] {
    return this.argsOf(method).map((args) => args[0]);
  }

  /** The next `times` calls of `method` are recorded, then throw `error` (e.g. a DeliveryError, an AppError). */
  failNext(method: Method<T>, error: unknown, times = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array.from({ length: times }, () => error)]);
  }

  /** Forgets the calls (not the failures still queued). */
  reset(): void {
    this.calls.length = 0;
  }

  protected record(method: Method<T>, args: unknown[]): void {
    this.calls.push({ method, args });
    const queued = this.failures.get(method);
    if (queued && queued.length > 0) throw queued.shift();
  }
}

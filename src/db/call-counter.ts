import type { Db } from "./client.js";

/**
 * Counts the Prisma operations a client makes (each model query and raw query, inside transactions too): each
 * costs about a millisecond of CPU in Prisma's client engine, so the count per request is what its capacity
 * follows. Tests and the bench read it; production leaves it off.
 */
export class DbCallCounter {
  /** "Model.operation" (or "$queryRaw", ...) of every call since the last `reset`, in order. */
  calls: string[] = [];

  get count(): number {
    return this.calls.length;
  }

  reset(): void {
    this.calls = [];
  }
}

export function countingCalls(prisma: Db, counter: DbCallCounter): Db {
  const counted = prisma.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        counter.calls.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  });
  // Same client, every query passing through the hook first.
  return counted as unknown as Db;
}

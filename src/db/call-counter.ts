import type { PrismaClient } from "./generated/sqlite/client.js";

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

/** The same client with every query passing through the counter first (both providers share this shape). */
export function countingCalls(prisma: PrismaClient, counter: DbCallCounter): PrismaClient {
  const counted = prisma.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        counter.calls.push(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  });
  return counted as unknown as PrismaClient;
}

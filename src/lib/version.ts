/**
 * The next `updatedAt` of a row edited with optimistic concurrency: an edit saves only if the row still has
 * the `updatedAt` the person saw. Taken from the injected clock, but always later than the previous value so
 * that two edits within one clock tick (or a clock behind the stored time) still tell versions apart.
 */
export function nextVersion(now: Date, previous: Date | null | undefined): Date {
  const after = previous ? previous.getTime() + 1 : 0;
  return new Date(Math.max(now.getTime(), after));
}

/** A version as it travels through a modal's private_metadata. */
export const versionToken = (updatedAt: Date | null | undefined): string => (updatedAt ? updatedAt.toISOString() : "");

export function parseVersionToken(token: string | undefined): Date | null {
  if (!token) return null;
  const date = new Date(token);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Every value Baton stores encrypted (see src/lib/crypto.ts), read a page at a time and replaced only if unchanged,
// so re-encrypting them under a new key is safe on several replicas at once.
import type { Db } from "./client.js";

const SEALED = "enc:";

/** One encrypted value: where it is (`id` within its kind) and what is stored. */
export interface SealedValue {
  id: string;
  sealed: string;
}

/** The kinds of encrypted value: OAuth installations (tokens) and web-form secrets. */
export const SEALED_KINDS = ["installation", "webFormSecret"] as const;
export type SealedKind = (typeof SEALED_KINDS)[number];

export async function sealedValuesPage(db: Db, kind: SealedKind, afterId: string | undefined, limit: number): Promise<SealedValue[]> {
  if (kind === "installation") {
    const rows = await db.installation.findMany({
      where: { payload: { startsWith: SEALED }, ...(afterId ? { id: { gt: afterId } } : {}) },
      select: { id: true, payload: true },
      orderBy: { id: "asc" },
      take: limit,
    });
    return rows.map((row) => ({ id: row.id, sealed: row.payload }));
  }
  const rows = await db.workspace.findMany({
    where: { webhookSecret: { startsWith: SEALED }, ...(afterId ? { teamId: { gt: afterId } } : {}) },
    select: { teamId: true, webhookSecret: true },
    orderBy: { teamId: "asc" },
    take: limit,
  });
  return rows.map((row) => ({ id: row.teamId, sealed: row.webhookSecret ?? "" }));
}

/** Stores `after` only if the value is still `before` (another replica, or a rotation by an admin, may have won). */
export async function replaceSealedValue(db: Db, kind: SealedKind, id: string, before: string, after: string): Promise<boolean> {
  const { count } =
    kind === "installation"
      ? await db.installation.updateMany({ where: { id, payload: before }, data: { payload: after } })
      : await db.workspace.updateMany({ where: { teamId: id, webhookSecret: before }, data: { webhookSecret: after } });
  return count === 1;
}

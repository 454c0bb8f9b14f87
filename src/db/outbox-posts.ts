// What the outbox posted, read back by its rows (the messages Slack now holds): for erasure, which redraws them.
import type { Db } from "./client.js";

export interface PostedEffect {
  kind: string;
  subjectId: string;
  channelId: string;
  messageTs: string;
}

/**
 * The delivered effects of `kinds` that recorded their post, whose subject is one of `subjectIds` or a recurring
 * effect of one (`<subject>@…`). Delivered rows are never pruned: erasure relies on finding them.
 */
export async function postedEffects(db: Db, teamId: string, kinds: string[], subjectIds: string[]): Promise<PostedEffect[]> {
  if (kinds.length === 0 || subjectIds.length === 0) return [];
  const rows = await db.outboxEffect.findMany({
    where: {
      teamId,
      kind: { in: kinds },
      status: "delivered",
      messageTs: { not: null },
      OR: [{ subjectId: { in: subjectIds } }, ...subjectIds.map((id) => ({ subjectId: { startsWith: `${id}@` } }))],
    },
    orderBy: { createdAt: "asc" },
    select: { kind: true, subjectId: true, channelId: true, messageTs: true },
  });
  return rows.flatMap((row) => (row.messageTs ? [{ ...row, messageTs: row.messageTs }] : []));
}

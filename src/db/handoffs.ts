import type { Db, Tx } from "./client.js";
import { executeRaw, queryRows } from "./direct.js";
import { type Handoff, type Lead, Prisma } from "./generated/sqlite/client.js";
import { assignments, selectAs, text, unprefixed } from "./raw-rows.js";

export type { Handoff };

/** The unique key that allows at most one open (pending) handoff per lead. */
export const openKeyOf = (teamId: string, leadId: string) => `${teamId}:${leadId}`;

export function findHandoff(db: Db | Tx, teamId: string, id: string): Promise<Handoff | null> {
  return db.handoff.findFirst({ where: { id, teamId } });
}

export function findOpenHandoff(db: Db, teamId: string, leadId: string): Promise<Handoff | null> {
  return db.handoff.findFirst({ where: { openKey: openKeyOf(teamId, leadId), teamId } });
}

/** Claims the lead's one open handoff. Throws P2002 when the lead already has one. */
export function createOpenHandoff(
  db: Db,
  data: { teamId: string; leadId: string; handedOffById: string; handedOffAt: Date; channelId: string; assigneeId?: string | null },
): Promise<Handoff> {
  return db.handoff.create({
    data: { ...data, status: "pending", openKey: openKeyOf(data.teamId, data.leadId), createdAt: data.handedOffAt },
  });
}

/**
 * Removes a pending handoff whose card Baton does not know (it never made it to Slack, so nobody has seen it);
 * false when it was decided or its card became known meanwhile.
 */
export async function deleteUnpostedHandoff(db: Db | Tx, teamId: string, id: string): Promise<boolean> {
  const { count } = await db.handoff.deleteMany({ where: { id, teamId, status: "pending", messageTs: null } });
  return count === 1;
}

/**
 * Records which message is the handoff's card, only while none is on record: the answer to chat.postMessage and a
 * click on the card (which can come first) may each store it, and neither replaces the other. False when one was
 * already stored.
 */
export async function storeCardRef(db: Db | Tx, teamId: string, id: string, ref: { channelId: string; ts: string }): Promise<boolean> {
  const { count } = await db.handoff.updateMany({
    where: { id, teamId, messageTs: null },
    data: { channelId: ref.channelId, messageTs: ref.ts },
  });
  return count === 1;
}

const HANDOFF_FIELDS = Object.values(Prisma.HandoffScalarFieldEnum);
const LEAD_FIELDS = Object.values(Prisma.LeadScalarFieldEnum);

/** A handoff with what deciding it needs: its lead, the lead's campaign (any team's: the caller checks) and the sales team. */
export type HandoffToDecide = Handoff & {
  lead: Lead & { campaign: { teamId: string; name: string } | null };
  workspace: { salesUserGroupId: string | null; salesUserIds: Prisma.JsonValue };
};

/**
 * A handoff with what deciding it needs, in one read: its lead, the lead's campaign and who is on the sales team.
 * Raw (one statement, no query compiler): every click reads it. The joins follow the relations as Prisma's include
 * does (the campaign by its id alone).
 */
export async function findHandoffToDecide(db: Db | Tx, teamId: string, id: string): Promise<HandoffToDecide | null> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    Prisma.sql`
    SELECT ${selectAs("h", HANDOFF_FIELDS)}, ${selectAs("l", LEAD_FIELDS, "lead_")},
      c."teamId" AS "campaign_teamId", c."name" AS "campaign_name",
      w."salesUserGroupId" AS "ws_salesUserGroupId", w."salesUserIds" AS "ws_salesUserIds"
    FROM "Handoff" h
    JOIN "Lead" l ON l."id" = h."leadId"
    JOIN "Workspace" w ON w."teamId" = h."teamId"
    LEFT JOIN "Campaign" c ON c."id" = l."campaignId"
    WHERE h."id" = ${text(id)} AND h."teamId" = ${text(teamId)}`,
  );
  const row = rows[0];
  if (!row) return null;
  const campaign = row.campaign_teamId === null ? null : { teamId: row.campaign_teamId as string, name: row.campaign_name as string };
  return {
    ...(unprefixed(row, "", HANDOFF_FIELDS) as Handoff),
    lead: { ...(unprefixed(row, "lead_", LEAD_FIELDS) as Lead), campaign },
    workspace: { salesUserGroupId: row.ws_salesUserGroupId as string | null, salesUserIds: row.ws_salesUserIds as Prisma.JsonValue },
  };
}

/**
 * Decides a pending handoff: the conditional update lets exactly one of any number of concurrent deciders win,
 * on one database shared by many replicas. Returns the decided handoff to the winner, null to the losers. One raw
 * UPDATE ... RETURNING (SQLite and PostgreSQL alike).
 */
export async function recordHandoffDecision(
  tx: Tx,
  handoff: Handoff,
  data: { status: "accepted" | "rejected"; decidedById: string; decidedAt: Date; rejectReason?: string | null; rejectNote?: string | null },
): Promise<Handoff | null> {
  const late = handoff.slaDueAt && !handoff.breachedAt && data.decidedAt > handoff.slaDueAt;
  const set = { ...data, openKey: null, updatedAt: data.decidedAt, ...(late ? { breachedAt: handoff.slaDueAt } : {}) };
  const decided = await queryRows<Handoff>(
    tx,
    Prisma.sql`
    UPDATE "Handoff" SET ${assignments(set)}
    WHERE "id" = ${text(handoff.id)} AND "teamId" = ${text(handoff.teamId)} AND "status" = 'pending'
    RETURNING *`,
  );
  return decided[0] ?? null;
}

/** Sets who should answer a pending handoff; false when it was decided meanwhile. */
export async function setAssignee(db: Tx, teamId: string, id: string, assigneeId: string | null, at: Date): Promise<boolean> {
  const { count } = await db.handoff.updateMany({ where: { id, teamId, status: "pending" }, data: { assigneeId, updatedAt: at } });
  return count === 1;
}

export async function updateHandoff(db: Tx, teamId: string, id: string, data: Prisma.HandoffUncheckedUpdateManyInput): Promise<void> {
  await db.handoff.updateMany({ where: { id, teamId }, data });
}

/** Records the breach once: false when it was already recorded or the handoff is no longer pending. */
export async function recordBreach(db: Db, teamId: string, id: string, at: Date): Promise<boolean> {
  const { count } = await db.handoff.updateMany({ where: { id, teamId, status: "pending", breachedAt: null }, data: { breachedAt: at } });
  return count === 1;
}

/** Remembers the messages that quote a handoff's free text, so erasure can anonymise them. */
export async function rememberNotices(db: Db, teamId: string, id: string, refs: { channelId: string; ts: string }[]): Promise<void> {
  await db.handoff.updateMany({ where: { id, teamId }, data: { noticeRefs: refs } });
}

/** Adds one message that quotes the reject note to those erasure redacts. */
export async function addNoticeRef(db: Db, teamId: string, id: string, ref: { channelId: string; ts: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const handoff = await tx.handoff.findFirst({ where: { id, teamId }, select: { noticeRefs: true } });
    const refs = Array.isArray(handoff?.noticeRefs) ? (handoff.noticeRefs as { channelId: string; ts: string }[]) : [];
    if (refs.some((r) => r.channelId === ref.channelId && r.ts === ref.ts)) return;
    await tx.handoff.updateMany({ where: { id, teamId }, data: { noticeRefs: [...refs, ref] } });
  });
}

/** The handoff sales accepted the lead from (the latest), if any: who handed it off. */
export function latestAcceptedHandoff(db: Db, teamId: string, leadId: string): Promise<Handoff | null> {
  return db.handoff.findFirst({ where: { teamId, leadId, status: "accepted" }, orderBy: { decidedAt: "desc" } });
}

export function pendingHandoffsFor(db: Db, teamId: string, assigneeId: string, limit: number): Promise<Handoff[]> {
  return db.handoff.findMany({
    where: { teamId, assigneeId, status: "pending", messageTs: { not: null } },
    orderBy: [{ slaDueAt: "asc" }, { id: "asc" }],
    take: limit,
  });
}

export function countPendingHandoffsFor(db: Db, teamId: string, assigneeId: string): Promise<number> {
  return db.handoff.count({ where: { teamId, assigneeId, status: "pending", messageTs: { not: null } } });
}

export function createSlaSteps(tx: Tx, teamId: string, handoffId: string, steps: { step: string; dueAt: Date }[]) {
  return tx.slaStep.createMany({ data: steps.map((s) => ({ ...s, teamId, handoffId })) });
}

/** Working minutes sales has to answer a handoff, from the agreement (its default when there is none). */
export async function responseSlaMinutes(db: Db, teamId: string): Promise<number | null> {
  return (await db.agreement.findUnique({ where: { teamId }, select: { responseSlaMinutes: true } }))?.responseSlaMinutes ?? null;
}

/** Adds a DM to the handoff's list in one statement, so DMs sent at the same moment are all kept. */
export async function rememberDm(db: Db, teamId: string, id: string, ref: { channelId: string; ts: string }): Promise<void> {
  const line = `${ref.channelId} ${ref.ts}\n`;
  await executeRaw(
    db,
    Prisma.sql`UPDATE "Handoff" SET "dmRefs" = COALESCE("dmRefs", '') || ${line} WHERE "id" = ${id} AND "teamId" = ${teamId}`,
  );
}

/** The DMs remembered by rememberDm, oldest first. */
export function dmRefsOf(handoff: Pick<Handoff, "dmRefs">): { channelId: string; ts: string }[] {
  return (handoff.dmRefs ?? "")
    .split("\n")
    .map((line) => line.split(" "))
    .filter((parts): parts is [string, string] => parts.length === 2 && Boolean(parts[0]) && Boolean(parts[1]))
    .map(([channelId, ts]) => ({ channelId, ts }));
}

/**
 * Gives a pending handoff to another rep with a deadline of their own; false when it was decided meanwhile (or the
 * assignee changed since `fromAssigneeId`, e.g. someone assigned it by hand).
 */
export async function reassignWithDeadline(
  tx: Tx,
  handoff: Pick<Handoff, "id" | "teamId" | "assigneeId">,
  to: string,
  dueAt: Date,
  at: Date,
): Promise<boolean> {
  const { count } = await tx.handoff.updateMany({
    where: { id: handoff.id, teamId: handoff.teamId, status: "pending", assigneeId: handoff.assigneeId },
    data: { assigneeId: to, assigneeDueAt: dueAt, updatedAt: at },
  });
  return count === 1;
}

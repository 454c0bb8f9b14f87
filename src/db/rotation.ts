import type { Db, Tx } from "./client.js";
import type { RotationMember } from "./generated/sqlite/client.js";

export type { RotationMember };

export function rotationMembers(db: Db, teamId: string): Promise<RotationMember[]> {
  return db.rotationMember.findMany({ where: { teamId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
}

export function findRotationMember(db: Db, teamId: string, userId: string): Promise<RotationMember | null> {
  return db.rotationMember.findUnique({ where: { teamId_userId: { teamId, userId } } });
}

export interface MemberState {
  id: string;
  currentWeight: number;
  assignedOn?: string;
  assignedCount?: number;
}

/**
 * Moves the rotation on from `version` if nobody did since it was read: the conditional update on
 * Workspace.rotationVersion serialises picks across replicas. False when another pick got there first.
 */
export async function advanceRotationVersion(tx: Tx, teamId: string, version: number): Promise<boolean> {
  const { count } = await tx.workspace.updateMany({
    where: { teamId, rotationVersion: version },
    data: { rotationVersion: { increment: 1 } },
  });
  return count === 1;
}

/** Stores one pick's new member states (in the transaction that advanced the version). */
export async function saveMemberStates(tx: Tx, teamId: string, states: MemberState[]): Promise<void> {
  for (const { id, ...data } of states) await tx.rotationMember.updateMany({ where: { id, teamId }, data });
}

export interface MemberSettings {
  userId: string;
  weight: number;
  dailyCap: number | null;
}

/** The rotation's switches; bumps the version so a pick that read the old members retries. */
export async function setRotationSwitches(
  tx: Tx,
  teamId: string,
  switches: { enabled: boolean; reassignOnBreach: boolean },
): Promise<void> {
  await tx.workspace.update({
    where: { teamId },
    data: { rotationEnabled: switches.enabled, reassignOnBreach: switches.reassignOnBreach, rotationVersion: { increment: 1 } },
  });
}

/** Replaces the rotation's members, in this order, keeping the state of members who stay. */
export async function replaceRotationMembers(tx: Tx, teamId: string, members: MemberSettings[]): Promise<void> {
  await tx.rotationMember.deleteMany({ where: { teamId, userId: { notIn: members.map((m) => m.userId) } } });
  for (const [position, member] of members.entries()) {
    const data = { weight: member.weight, dailyCap: member.dailyCap, position };
    await tx.rotationMember.upsert({
      where: { teamId_userId: { teamId, userId: member.userId } },
      create: { teamId, userId: member.userId, ...data },
      update: data,
    });
  }
}

/** Marks a member away or back; false when the person is not in the rotation. */
export async function setAway(db: Db, teamId: string, userId: string, away: boolean): Promise<boolean> {
  const { count } = await db.rotationMember.updateMany({ where: { teamId, userId }, data: { away } });
  return count === 1;
}

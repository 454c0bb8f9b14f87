import type { Db } from "./client.js";
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
 * Saves one pick's new rotation state if nobody picked since `version` was read: the conditional update on
 * Workspace.rotationVersion serialises picks across replicas. False when another pick got there first.
 */
export function commitPick(db: Db, teamId: string, version: number, states: MemberState[]): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.workspace.updateMany({
      where: { teamId, rotationVersion: version },
      data: { rotationVersion: { increment: 1 } },
    });
    if (count !== 1) return false;
    for (const { id, ...data } of states) await tx.rotationMember.updateMany({ where: { id, teamId }, data });
    return true;
  });
}

export interface MemberSettings {
  userId: string;
  weight: number;
  dailyCap: number | null;
}

/**
 * Replaces the rotation's members and switches, keeping the state of members who stay. Bumps the version so a
 * pick that read the old members retries.
 */
export function saveRotation(
  db: Db,
  teamId: string,
  settings: { enabled: boolean; reassignOnBreach: boolean; members: MemberSettings[] },
): Promise<void> {
  return db.$transaction(async (tx) => {
    await tx.workspace.update({
      where: { teamId },
      data: { rotationEnabled: settings.enabled, reassignOnBreach: settings.reassignOnBreach, rotationVersion: { increment: 1 } },
    });
    await tx.rotationMember.deleteMany({ where: { teamId, userId: { notIn: settings.members.map((m) => m.userId) } } });
    for (const [position, member] of settings.members.entries()) {
      const data = { weight: member.weight, dailyCap: member.dailyCap, position };
      await tx.rotationMember.upsert({
        where: { teamId_userId: { teamId, userId: member.userId } },
        create: { teamId, userId: member.userId, ...data },
        update: data,
      });
    }
  });
}

/** Marks a member away or back; false when the person is not in the rotation. */
export async function setAway(db: Db, teamId: string, userId: string, away: boolean): Promise<boolean> {
  const { count } = await db.rotationMember.updateMany({ where: { teamId, userId }, data: { away } });
  return count === 1;
}

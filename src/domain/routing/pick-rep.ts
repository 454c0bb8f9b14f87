import { advanceRotationVersion, type MemberState, type RotationMember, rotationMembers, saveMemberStates } from "../../db/rotation.js";
import { findWorkspace, type Workspace } from "../../db/workspaces.js";
import { isValidZone, isWorkingTime, localDate } from "../../lib/working-hours.js";
import type { LeadDeps } from "../leads/deps.js";
import { workingHoursOf } from "../workspaces/working-hours.js";
import { type Candidate, pickNext } from "./pick-next.js";

const MAX_ATTEMPTS = 30;

type PickDeps = Pick<LeadDeps, "db" | "directory" | "logger">;

/**
 * The next rep in the workspace's rotation who is not away, is inside their working hours and under their daily
 * cap, or null (rotation off, or nobody available). The rotation's state lives in the database and each pick is a
 * compare-and-set on Workspace.rotationVersion, so picks stay fair across restarts and replicas.
 */
export async function pickRep(deps: PickDeps, teamId: string, at: Date, exclude: string[] = []): Promise<string | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const workspace = await findWorkspace(deps.db, teamId);
    if (!workspace?.rotationEnabled) return null;
    const members = await rotationMembers(deps.db, teamId);
    const seen = await Promise.all(members.map((m) => availability(deps, workspace, m, at, exclude)));
    const pick = pickNext(seen.map((s) => s.candidate));
    if (!pick) return null;
    const states: MemberState[] = seen
      .filter((s) => pick.weights.has(s.member.id))
      .map((s) => ({
        id: s.member.id,
        currentWeight: pick.weights.get(s.member.id) ?? 0,
        ...(s.member.id === pick.id ? { assignedOn: s.today, assignedCount: s.countToday + 1 } : {}),
      }));
    const committed = await deps.db.$transaction(async (tx) => {
      if (!(await advanceRotationVersion(tx, teamId, workspace.rotationVersion))) return false;
      await saveMemberStates(tx, teamId, states);
      return true;
    });
    if (committed) {
      return members.find((m) => m.id === pick.id)?.userId ?? null;
    }
    // Another pick got there first: read the new state and pick again, after a short random pause.
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 10 * Math.min(attempt + 1, 5)));
  }
  deps.logger.warn({ teamId }, "rotation pick gave up after repeated conflicts; handoff left unassigned");
  return null;
}

async function availability(deps: PickDeps, workspace: Workspace, member: RotationMember, at: Date, exclude: string[]) {
  // Slack not answering costs the rep their own zone for this pick, not the pick: the workspace's zone stands in.
  const profileZone = member.timezone ?? (await deps.directory.timezoneOf(workspace.teamId, member.userId).catch(() => undefined));
  const zone = isValidZone(profileZone) ? profileZone : workspace.timezone;
  const hours = workingHoursOf(workspace, zone);
  const today = localDate(at, zone);
  const countToday = member.assignedOn === today ? member.assignedCount : 0;
  const underCap = member.dailyCap === null || countToday < member.dailyCap;
  const eligible = !member.away && !exclude.includes(member.userId) && underCap && isWorkingTime(at, hours);
  const candidate: Candidate = { id: member.id, weight: member.weight, currentWeight: member.currentWeight, eligible };
  return { member, candidate, today, countToday };
}

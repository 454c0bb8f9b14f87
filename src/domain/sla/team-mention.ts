import type { Db } from "../../db/client.js";
import { rotationMembers } from "../../db/rotation.js";
import { findWorkspace } from "../../db/workspaces.js";
import type { TeamMention } from "../ports.js";

const asIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

/** Who an escalation mentions: the sales user group, else the listed sales reps, else the rotation's members. */
export async function teamMention(db: Db, teamId: string): Promise<TeamMention> {
  const workspace = await findWorkspace(db, teamId);
  const listed = asIds(workspace?.salesUserIds);
  if (workspace?.salesUserGroupId) return { groupId: workspace.salesUserGroupId, userIds: [] };
  if (listed.length > 0) return { groupId: null, userIds: listed };
  return { groupId: null, userIds: (await rotationMembers(db, teamId)).map((m) => m.userId) };
}

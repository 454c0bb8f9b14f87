import type { Workspace } from "../../db/workspaces.js";

/**
 * Who hears about what Baton cannot do in a workspace (a digest channel it cannot post in, messages Slack never
 * took): its Baton admins, and `also` when that is a person; none listed means Slack's workspace admins (the Slack
 * layer looks them up).
 */
export function adminsToTell(workspace: Workspace | null, also: string[] = []): string[] {
  const listed = Array.isArray(workspace?.adminUserIds) ? workspace.adminUserIds.filter((id): id is string => typeof id === "string") : [];
  return [...new Set([...listed, ...also.filter((id) => /^[UW][A-Z0-9]+$/.test(id))])];
}

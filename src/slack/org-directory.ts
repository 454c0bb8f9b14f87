// Enterprise Grid facts only Slack knows: the org's workspaces that granted Baton, and who administers the org.
import type { WebClient } from "@slack/web-api";
import type { GrantedWorkspace } from "../domain/workspaces/org-workspaces.js";

/** Every workspace of the org that Slack's org admins added Baton to (auth.teams.list, with the org token). */
export async function grantedWorkspaces(client: WebClient): Promise<GrantedWorkspace[]> {
  const found: GrantedWorkspace[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.auth.teams.list({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const team of page.teams ?? []) if (team.id) found.push({ id: team.id, name: team.name ?? team.id });
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return found;
}

/** An admin or owner of the whole org (users.info's enterprise_user), not only of one workspace. */
export async function isOrgAdmin(client: WebClient, userId: string): Promise<boolean> {
  const user = (await client.users.info({ user: userId })).user as
    | { enterprise_user?: { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean } }
    | undefined;
  const org = user?.enterprise_user;
  return Boolean(org?.is_admin || org?.is_owner || org?.is_primary_owner);
}

// Who wrote a message, as far as a lead needs: a person from another organisation in a Slack Connect channel is
// usually the prospect, so their profile fills the lead form. Colleagues' profiles are never used.
import type { WebClient } from "@slack/web-api";
import type { Logger } from "../lib/logger.js";

export interface AuthorProfile {
  name?: string;
  title?: string;
  email?: string;
}

interface SlackProfileUser {
  team_id?: string;
  enterprise_user?: { enterprise_id?: string };
  is_bot?: boolean;
  is_stranger?: boolean;
  real_name?: string;
  profile?: { real_name?: string; display_name?: string; title?: string; email?: string; team?: string };
}

const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The workspace the shortcut was used in, and its Enterprise Grid org if any (whose people are colleagues). */
export interface Workspace {
  teamId: string;
  enterpriseId?: string;
}

/**
 * The author's name, title and email when they belong to another organisation (their home team is not the
 * workspace's, nor in its Grid org), else undefined. Their organisation decides what Slack shares: any field may be
 * missing.
 */
export async function externalAuthorProfile(
  client: WebClient,
  workspace: Workspace,
  message: { user?: string; user_team?: string },
  log: Logger,
): Promise<AuthorProfile | undefined> {
  if (!message.user) return undefined;
  if (message.user_team && message.user_team === workspace.teamId) return undefined;
  let user: SlackProfileUser | undefined;
  try {
    user = (await client.users.info({ user: message.user })).user as SlackProfileUser | undefined;
  } catch (error) {
    // Another organisation may hide its people from Baton: the form then opens with what the text says.
    log.info({ err: error }, "could not read a message author's profile");
    return undefined;
  }
  const home = user?.team_id ?? user?.profile?.team ?? message.user_team;
  if (!user || user.is_bot || !home || home === workspace.teamId) return undefined;
  if (workspace.enterpriseId && user.enterprise_user?.enterprise_id === workspace.enterpriseId) return undefined;
  const profile = user.profile ?? {};
  const name = given(profile.real_name) ?? given(user.real_name) ?? given(profile.display_name);
  const title = given(profile.title);
  const email = given(profile.email);
  return { ...(name ? { name } : {}), ...(title ? { title } : {}), ...(email ? { email } : {}) };
}

/** The bot scopes Baton asks for when installed through OAuth; the same list as manifest.yml (a test keeps them equal). */
export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "im:write",
  "users:read",
  "users:read.email",
  "usergroups:read",
  "files:read",
  "files:write",
  "channels:history",
  "groups:history",
];

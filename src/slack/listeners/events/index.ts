import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../../listener-deps.js";
import { appHomeOpened } from "./app-home-opened.js";
import { fileSharedEvent } from "./file-shared.js";
import { teamAccessGrantedEvent, teamAccessRevokedEvent } from "./team-access.js";
import { appUninstalledEvent, tokensRevokedEvent } from "./uninstall.js";

export function registerEvents(app: App, deps: ListenerDeps): void {
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("file_shared", fileSharedEvent(deps));
  app.event("app_uninstalled", appUninstalledEvent(deps));
  app.event("tokens_revoked", tokensRevokedEvent(deps));
  app.event("team_access_revoked", teamAccessRevokedEvent(deps));
  app.event("team_access_granted", teamAccessGrantedEvent(deps));
}

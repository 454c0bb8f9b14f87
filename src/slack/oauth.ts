// Distributed mode: Slack's OAuth install flow (/slack/install, /slack/oauth_redirect) through @slack/oauth's
// InstallProvider, installations in our database, and an authorize function that finds each request's bot token.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthorizeResult, AuthorizeSourceData, CustomRoute, Installation } from "@slack/bolt";
import { InstallProvider } from "@slack/oauth";
import type { WebClientOptions } from "@slack/web-api";
import type { Config } from "../config.js";
import type { Services } from "../domain/services.js";
import { isUnavailableError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import { installPage, installResultPage, orgInstalledPage } from "./blocks/install-pages.js";
import { BatonInstallationStore } from "./installation-store.js";
import { boltLogger } from "./logger.js";
import { BOT_SCOPES } from "./scopes.js";

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

export interface OAuthSetup {
  routes: CustomRoute[];
  authorize: (source: AuthorizeSourceData<boolean>, body?: unknown) => Promise<AuthorizeResult>;
}

export function oauthSetup(options: { config: Config; services: Services; logger: Logger; clientOptions: WebClientOptions }): OAuthSetup {
  const { config, services, logger, clientOptions } = options;
  const oauth = config.slack.oauth;
  if (!oauth) throw new Error("oauthSetup needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET");
  const log = logger.child({ component: "oauth" });
  const installer = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: new BatonInstallationStore(services),
    installUrlOptions: { scopes: BOT_SCOPES },
    renderHtmlForInstallPath: installPage,
    logger: boltLogger(log),
    clientOptions,
  });
  const callbacks = {
    success: (installation: Installation, _o: unknown, _req: IncomingMessage, res: ServerResponse) => {
      if (installation.isEnterpriseInstall && installation.enterprise) {
        log.info({ enterpriseId: installation.enterprise.id }, "installed org-wide");
        html(
          res,
          200,
          orgInstalledPage({ enterpriseId: installation.enterprise.id, name: installation.enterprise.name, appId: installation.appId }),
        );
        return;
      }
      log.info({ teamId: installation.team?.id }, "installed");
      html(res, 200, installResultPage("installed", installation.team?.name));
    },
    failure: (error: Error & { code?: string }, _o: unknown, _req: IncomingMessage, res: ServerResponse) => {
      log.warn({ code: error.code, reason: error.message }, "install did not finish");
      html(res, isUnavailableError(error) ? 503 : 400, installResultPage(isUnavailableError(error) ? "unavailable" : "failed"));
    },
  };
  const guard = (work: () => Promise<void>, res: ServerResponse) =>
    work().catch((error: unknown) => {
      log.error({ err: error }, "install page failed");
      if (!res.headersSent) html(res, 500, installResultPage("failed"));
    });
  return {
    routes: [
      { path: INSTALL_PATH, method: "GET", handler: (req, res) => void guard(() => installer.handleInstallPath(req, res), res) },
      { path: REDIRECT_PATH, method: "GET", handler: (req, res) => void guard(() => installer.handleCallback(req, res, callbacks), res) },
    ],
    authorize: (source, body) => authorizeRequest(services, source, body),
  };
}

/**
 * Finds the bot token for a request: its workspace's own installation, or its org's for an org-wide install (then
 * the workspace must be one the org admin chose). The team id is always the workspace's, never the org's, so
 * every row the request writes carries it.
 */
async function authorizeRequest(services: Services, source: AuthorizeSourceData<boolean>, body: unknown): Promise<AuthorizeResult> {
  const teamId = workspaceTeamId(source, body);
  // Slack's events about the org itself (team_access_granted / _revoked) name no workspace, only the org.
  const aboutOrg = !teamId && source.isEnterpriseInstall && source.enterpriseId;
  if (!teamId && !aboutOrg) throw new Error("The request names no workspace");
  const base = { ...(teamId ? { teamId } : {}), ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}) };
  try {
    const installation = await services.installations.findFor({ ...source, teamId });
    // No token: the middleware tells the person Baton is not installed there (requests can still be acked).
    if (!installation?.bot) return { ...base, notInstalled: true };
    const token = {
      botToken: installation.bot.token,
      ...(installation.bot.id ? { botId: installation.bot.id } : {}),
      ...(installation.bot.userId ? { botUserId: installation.bot.userId } : {}),
    };
    if (
      teamId &&
      source.isEnterpriseInstall &&
      source.enterpriseId &&
      !(await services.orgWorkspaces.serves(source.enterpriseId, teamId))
    ) {
      return { ...base, ...token, notServedInOrg: true };
    }
    return { ...base, ...token };
  } catch (error) {
    // Let the request through without a token so the person can be told to try again (middleware.ts).
    if (isUnavailableError(error)) return { ...base, databaseUnavailable: true };
    throw error;
  }
}

/**
 * The workspace a request comes from. For an org-wide install Slack may put the org's id where the team's would be
 * (or leave the team out); the person's own workspace, or the view's, is the workspace then.
 */
export function workspaceTeamId(
  source: { teamId?: string | undefined; enterpriseId?: string | undefined },
  body: unknown,
): string | undefined {
  if (source.teamId && source.teamId !== source.enterpriseId) return source.teamId;
  const b = body as { team_id?: string; team?: { id?: string } | null; user?: { team_id?: string }; view?: { team_id?: string } };
  const candidates = [b.user?.team_id, b.view?.team_id, b.team?.id, b.team_id];
  return candidates.find((id): id is string => typeof id === "string" && id !== "" && id !== source.enterpriseId);
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

// Distributed mode: Slack's OAuth install flow (/slack/install, /slack/oauth_redirect) through @slack/oauth's
// InstallProvider, installations in our database, and an authorize function that finds each request's bot token.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthorizeResult, AuthorizeSourceData, CustomRoute, Installation } from "@slack/bolt";
import { InstallProvider } from "@slack/oauth";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import type { Config } from "../config.js";
import type { Services } from "../domain/services.js";
import { isUnavailableError } from "../lib/errors.js";
import type { Logger } from "../lib/logger.js";
import { installPage, installResultPage } from "./blocks/install-pages.js";
import { BatonInstallationStore } from "./installation-store.js";
import { boltLogger } from "./logger.js";
import { BOT_SCOPES } from "./scopes.js";

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

export interface OAuthSetup {
  routes: CustomRoute[];
  authorize: (source: AuthorizeSourceData<boolean>) => Promise<AuthorizeResult>;
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
    // Org-wide installs are refused before anything is stored, and the token Slack just issued is revoked.
    afterInstallation: async (installation: Installation, _o: unknown, _req: IncomingMessage, res: ServerResponse) => {
      if (!installation.isEnterpriseInstall) return true;
      log.warn({ enterpriseId: installation.enterprise?.id }, "refused an org-wide install");
      const token = installation.bot?.token;
      if (token) {
        await new WebClient(token, clientOptions).auth.revoke().catch((error: unknown) => {
          log.error({ err: error, enterpriseId: installation.enterprise?.id }, "could not revoke the token of a refused org-wide install");
        });
      }
      html(res, 400, installResultPage("org_wide"));
      return false;
    },
    success: (installation: Installation, _o: unknown, _req: IncomingMessage, res: ServerResponse) => {
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
    authorize: async (source) => {
      if (!source.teamId) throw new Error("Baton has no org-wide installations");
      const base = { teamId: source.teamId, ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}) };
      let installation: Awaited<ReturnType<Services["installations"]["find"]>>;
      try {
        installation = await services.installations.find(source.teamId);
      } catch (error) {
        // Let the request through without a token so the person can be told to try again (middleware.ts).
        if (isUnavailableError(error)) return { ...base, databaseUnavailable: true };
        throw error;
      }
      // No token: the middleware tells the person Baton is not installed there (requests can still be acked).
      if (!installation?.bot) return { ...base, notInstalled: true };
      return {
        ...base,
        botToken: installation.bot.token,
        ...(installation.bot.id ? { botId: installation.bot.id } : {}),
        ...(installation.bot.userId ? { botUserId: installation.bot.userId } : {}),
      };
    },
  };
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

import { randomUUID } from "node:crypto";
import { App, type Logger as BoltLogger, type CustomRoute, HTTPReceiver } from "@slack/bolt";
import type { WebClientOptions } from "@slack/web-api";
import type { Config } from "../config.js";
import type { InFlight } from "../lib/in-flight.js";
import type { TokenIdentity } from "./identity.js";
import type { ListenerDeps } from "./listener-deps.js";
import { registerListeners } from "./listeners/index.js";
import { boltLogger } from "./logger.js";
import { observeRequests, oncePerEvent, requestContext, trackInFlight } from "./middleware.js";
import { type OAuthSetup, oauthSetup } from "./oauth.js";
import { oncePerInteraction } from "./once-per-interaction.js";

export interface BoltAppOptions extends ListenerDeps {
  config: Config;
  /** Plain HTTP routes served beside Bolt's /slack/events (health, metrics, webhooks). */
  routes: CustomRoute[];
  inFlight: InFlight;
  /** The Web API client options the composition root built for every client (Bolt's, the installer's, the ports'). */
  clientOptions: WebClientOptions;
  /** Single-token mode: who the token is (from start-up's auth.test). */
  tokenIdentity?: TokenIdentity;
}

/**
 * The Bolt app. Single-workspace mode uses SLACK_BOT_TOKEN; distributed mode (OAuth settings present) serves the
 * install pages and finds each workspace's token in its stored installation.
 */
export function createBoltApp(options: BoltAppOptions): App {
  const { config, clientOptions } = options;
  const logger = boltLogger(options.logger);
  const oauth: OAuthSetup | undefined = config.slack.oauth
    ? oauthSetup({ config, services: options.services, logger: options.logger, clientOptions })
    : undefined;
  const routes = [...options.routes, ...(oauth?.routes ?? [])];
  // With the bot's ids given, Bolt makes no auth.test of its own (an eager call nobody awaits, which fails unseen).
  const identity = options.tokenIdentity;
  const auth = oauth
    ? { authorize: oauth.authorize }
    : {
        token: config.slack.botToken ?? "",
        ...(identity?.botId ? { botId: identity.botId } : {}),
        ...(identity?.botUserId ? { botUserId: identity.botUserId } : {}),
      };
  const app = config.socketMode
    ? new App({
        socketMode: true,
        appToken: config.slack.appToken ?? "",
        ...auth,
        logger,
        clientOptions,
        customRoutes: routes,
        installerOptions: { port: config.port },
        extendedErrorHandler: true,
      })
    : new App({ receiver: httpReceiver(config, routes, logger), ...auth, logger, clientOptions, extendedErrorHandler: true });
  app.use(trackInFlight(options.inFlight));
  app.use(observeRequests(options));
  app.use(requestContext(options));
  app.use(oncePerEvent(options));
  app.use(oncePerInteraction(options));
  registerListeners(app, options);
  app.error(async ({ error, context }: { error: Error; context: Record<string, unknown> }) => {
    const original = (error as { original?: unknown }).original ?? error;
    const log = (context.log as ListenerDeps["logger"] | undefined) ?? options.logger;
    log.error({ err: original }, "listener failed");
  });
  return app;
}

function httpReceiver(config: Config, customRoutes: CustomRoute[], logger: BoltLogger): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: config.slack.signingSecret ?? "",
    customRoutes,
    logger,
    // A correlation id per request (Bolt itself puts Slack's retry number on context.retryNum).
    customPropertiesExtractor: () => ({ requestId: randomUUID() }),
  });
}

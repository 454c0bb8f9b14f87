import { randomUUID } from "node:crypto";
import { App, type Logger as BoltLogger, type CustomRoute, HTTPReceiver } from "@slack/bolt";
import type { Config } from "../config.js";
import type { InFlight } from "../lib/in-flight.js";
import { webClientOptions } from "./client-options.js";
import type { ListenerDeps } from "./context.js";
import { registerListeners } from "./listeners/index.js";
import { boltLogger } from "./logger.js";
import { requestContext, trackInFlight } from "./middleware.js";

export interface SlackAppOptions extends ListenerDeps {
  config: Config;
  /** Plain HTTP routes served beside Bolt's /slack/events (health, metrics, webhooks). */
  routes: CustomRoute[];
  inFlight: InFlight;
}

export function createSlackApp(options: SlackAppOptions): App {
  const { config, routes } = options;
  const logger = boltLogger(options.logger);
  const clientOptions = webClientOptions(config, options.logger);
  const app = config.socketMode
    ? new App({
        socketMode: true,
        appToken: config.slack.appToken ?? "",
        token: config.slack.botToken ?? "",
        logger,
        clientOptions,
        customRoutes: routes,
        installerOptions: { port: config.port },
        extendedErrorHandler: true,
      })
    : new App({
        receiver: httpReceiver(config, routes, logger),
        token: config.slack.botToken ?? "",
        logger,
        clientOptions,
        extendedErrorHandler: true,
      });
  app.use(trackInFlight(options.inFlight));
  app.use(requestContext(options));
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

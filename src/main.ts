// Process entry point: `npm start`. Reads .env, validates configuration, starts Baton, stops cleanly on signals.
import fs from "node:fs";
import { ConfigError, loadConfig } from "./config.js";
import { describeStartupError } from "./startup-errors.js";

if (fs.existsSync(".env")) process.loadEnvFile(".env");

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // Loaded only after the configuration is known to be good, so a mistake is reported at once.
  const { startBaton } = await import("./app.js");
  const baton = await startBaton(config).catch((error: unknown) => {
    process.stderr.write(`${describeStartupError(error)}\n`);
    process.exit(1);
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    baton.logger.info({ signal }, "stopping: finishing work in flight");
    try {
      await baton.stop();
      baton.logger.info("stopped");
      process.exit(0);
    } catch (error) {
      baton.logger.error({ err: error }, "error while stopping");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

void main();

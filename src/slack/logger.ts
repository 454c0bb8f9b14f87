import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../lib/logger.js";

/**
 * Bolt's and the Web API client's debug lines dump whole payloads (request bodies, API results, acks): views with
 * secrets, messages with names, submitted values. Only the words before the payload are kept.
 */
export function withoutPayload(text: string): string {
  const start = text.search(/[{[]/);
  return start === -1 ? text : `${text.slice(0, start).trimEnd()} [payload omitted]`;
}

/**
 * Bolt's logger interface over pino, so Bolt's and the Web API client's messages land in the same structured log.
 * Never below info: at debug level both libraries log request and response bodies, which hold people's names
 * and emails. LOG_LEVEL=debug therefore affects Baton's own log lines only.
 */
export function boltLogger(logger: Logger, component = "bolt"): BoltLogger {
  const log = logger.child({ component });
  if (log.levelVal < 30) log.level = "info";
  const join = (msgs: unknown[]) => withoutPayload(msgs.map((m) => (m instanceof Error ? m.message : String(m))).join(" "));
  // A line below the level is not joined at all: the Web API client makes several debug calls per request, with bodies.
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...msgs: unknown[]) => {
      if (log.isLevelEnabled(level)) log[level](join(msgs));
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    setLevel: () => {},
    getLevel: () =>
      log.levelVal <= 20 ? LogLevel.DEBUG : log.levelVal <= 30 ? LogLevel.INFO : log.levelVal <= 40 ? LogLevel.WARN : LogLevel.ERROR,
    setName: () => {},
  };
}

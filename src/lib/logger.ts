import pino, { type Logger } from "pino";

export type { Logger };

/**
 * Paths pino blanks out wherever they appear (one level deep and in common envelopes): tokens, secrets,
 * signatures and a lead's personal fields must never reach the logs.
 */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "userToken",
  "*.userToken",
  "appToken",
  "*.appToken",
  "*.*.token",
  "*.*.botToken",
  "client_secret",
  "*.client_secret",
  "secret",
  "*.secret",
  "*.signingSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  'headers["x-slack-signature"]',
  'headers["x-baton-signature"]',
  "signature",
  "*.signature",
  "password",
  "*.password",
  "*.databaseUrl",
  "email",
  "*.email",
  "*.*.email",
  "phone",
  "*.phone",
  "*.*.phone",
  "notes",
  "*.notes",
  "lead.name",
  "*.lead.name",
];

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger({ level, pretty, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: "baton" },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    serializers: { err: pino.stdSerializers.err },
  };
  if (destination) return pino(options, destination);
  if (pretty)
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,app" } },
    });
  return pino(options);
}

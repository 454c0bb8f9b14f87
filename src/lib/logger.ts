import pino, { type Logger } from "pino";
import { currentCorrelation } from "./correlation.js";

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
  "clientSecret",
  "*.clientSecret",
  "stateSecret",
  "*.stateSecret",
  "secret",
  "*.secret",
  "webhookSecret",
  "*.webhookSecret",
  "*.signingSecret",
  "encryptionKey",
  "*.encryptionKey",
  "installation",
  "*.installation",
  "authorization",
  "*.authorization",
  "headers",
  "*.headers",
  "cookie",
  "*.cookie",
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
  "row",
  "*.row",
];

const CENSOR = "[redacted]";

/**
 * Text patterns removed from messages and error texts, where path redaction cannot reach (Bolt and the Web API
 * client log plain strings; database errors can quote values).
 */
const SECRET_TEXT: [RegExp, string][] = [
  [/\bx(?:ox[abposre]|app)-[A-Za-z0-9-]+/g, CENSOR],
  [/\bBearer\s+[^\s"']+/gi, `Bearer ${CENSOR}`],
  [/\bv[01]=[a-f0-9]{16,}/gi, CENSOR],
  [/\benc:v1:[A-Za-z0-9+/=]+/g, CENSOR],
  [/\bbwf_[a-f0-9]+/g, CENSOR],
  [/\b(client_secret|secret|code|state|token)=[^&\s"']+/gi, `$1=${CENSOR}`],
  [/"(client_secret|secret|code|state|token|email|phone)"\s*:\s*"[^"]*"/gi, `"$1":"${CENSOR}"`],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, CENSOR],
  [/postgres(ql)?:\/\/[^\s@/]+@/gi, "postgresql://***@"],
];

export function scrubText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_TEXT) out = out.replace(pattern, replacement);
  return out;
}

function scrubbedError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== "object") return serialized;
  for (const key of ["message", "stack"] as const) {
    if (typeof serialized[key] === "string") serialized[key] = scrubText(serialized[key]);
  }
  return serialized;
}

export interface LoggerOptions {
  level: string;
  pretty: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger({ level, pretty, destination }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: "baton" },
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: { err: scrubbedError },
    // Every line written while a request or job runs carries its correlation id (requestId or runId).
    mixin: () => ({ ...currentCorrelation() }),
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as Parameters<typeof method>);
      },
    },
  };
  if (destination) return pino(options, destination);
  if (pretty)
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,app" } },
    });
  return pino(options);
}

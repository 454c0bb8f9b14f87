import type { Metrics } from "../lib/metrics.js";

type Fetch = typeof globalThis.fetch;

/**
 * A fetch for the Web API client that counts every attempt by method and outcome. @slack/web-api retries 429s
 * (after Retry-After), 5xx answers and network errors itself; each such failed attempt is counted as a retry.
 */
export function countingFetch(metrics: Metrics, inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const method = methodOf(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    try {
      const response = await inner(input, init);
      if (response.status === 429) {
        metrics.slackApiCalls.inc({ method, outcome: "rate_limited" });
        metrics.slackApiRetries.inc({ method, reason: "rate_limited" });
      } else if (response.status >= 500) {
        metrics.slackApiCalls.inc({ method, outcome: "http_error" });
        metrics.slackApiRetries.inc({ method, reason: "server_error" });
      } else if (response.status !== 200) {
        metrics.slackApiCalls.inc({ method, outcome: "http_error" });
      } else {
        const read = await readOutcome(response);
        metrics.slackApiCalls.inc({ method, outcome: read.outcome });
        return read.response;
      }
      return response;
    } catch (error) {
      metrics.slackApiCalls.inc({ method, outcome: "network_error" });
      metrics.slackApiRetries.inc({ method, reason: "network_error" });
      throw error;
    }
  };
}

/** "chat.postMessage" for Web API URLs; response_url posts and file uploads are grouped, never by their URL. */
function methodOf(url: string): string {
  const path = url.split("?")[0] ?? "";
  const api = path.match(/\/api\/([a-zA-Z][\w.]*)$/);
  if (api?.[1]) return api[1];
  if (path.includes("/response") || path.includes("/actions/") || path.includes("/commands/")) return "response_url";
  return "other";
}

/**
 * Whether Slack said ok, and the response to hand on: a JSON body is read once and handed on as read (a clone would
 * tee the body's stream, and a new Response around the text costs as much again), the response itself answering
 * its reads with the text already read.
 */
async function readOutcome(response: Response): Promise<{ outcome: string; response: Response }> {
  if (!response.headers.get("content-type")?.includes("json")) return { outcome: "ok", response };
  const text = await response.text();
  answeringWith(response, text);
  try {
    const body = JSON.parse(text) as { ok?: boolean };
    return { outcome: body.ok === false ? "error" : "ok", response };
  } catch {
    // Not JSON after all: Slack's errors are JSON, so count it as an answer.
    return { outcome: "ok", response };
  }
}

/** The body's reads (the Web API client's text(), an arrayBuffer() for a file's error) answered with what was read. */
function answeringWith(response: Response, text: string): void {
  Object.defineProperties(response, {
    text: { value: async () => text },
    json: { value: async () => JSON.parse(text) as unknown },
    arrayBuffer: { value: async () => new TextEncoder().encode(text).buffer },
  });
}

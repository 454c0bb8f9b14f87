// Drives an app with signed Slack requests from this process (the app runs in another) at a fixed overall
// rate, using autocannon, and reports throughput and latency percentiles.
import { createHmac } from "node:crypto";
import autocannon from "autocannon";

export interface LoadResult {
  requests: number;
  errors: number;
  non2xx: number;
  throughput: number;
  p50: number;
  p99: number;
}

export interface LoadOptions {
  url: string;
  signingSecret: string;
  /** Builds the raw body of the n-th request (form-encoded, as Slack sends commands and interactions). */
  body: (n: number) => string;
  rate: number;
  seconds: number;
  connections?: number;
}

export function sign(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: options.url,
    method: "POST",
    connections: options.connections ?? 20,
    overallRate: options.rate,
    duration: options.seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const body = options.body(n++);
          return { ...request, body, headers: sign(options.signingSecret, body) };
        },
      },
    ],
  });
  return {
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    throughput: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

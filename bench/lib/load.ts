// Drives an app with signed Slack requests from this process (the app runs in another) at a fixed rate. Two
// latencies per request: the ack (the HTTP answer, on Slack's 3-second clock) and the whole request, from sending
// it to the moment its Slack call (views.open, a response_url) reached the stand-in.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { SlackStub } from "./slack-stub.js";
import { percentile } from "./stats.js";

export interface LoadResult {
  sent: number;
  /** Requests that got no 2xx or whose Slack call never came. */
  failed: number;
  /** Completed requests per second. */
  throughput: number;
  ackP50: number;
  ackP99: number;
  doneP50: number;
  doneP99: number;
}

export interface KeyedRequest {
  /** Raw body (form-encoded, as Slack sends commands and interactions). */
  body: string;
  /** What the stand-in will note when this request's Slack call arrives. */
  key: string;
}

export interface LoadOptions {
  url: string;
  signingSecret: string;
  stub: SlackStub;
  request: (n: number) => KeyedRequest;
  rate: number;
  seconds: number;
}

export function slackHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`,
  };
}

/**
 * Open-loop load: request i leaves at start + i / rate whatever became of the earlier ones (autocannon's
 * overallRate sends each second's requests in a burst at its start, which measures the burst, not the app).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  options.stub.reset();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const total = Math.round(options.rate * options.seconds);
  const sentAt = new Map<string, number>();
  const acks: number[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { body, key } = options.request(i);
    const sent = performance.now();
    sentAt.set(key, sent);
    inFlight.push(
      post(options.url, body, slackHeaders(options.signingSecret, body), agent).then(
        (status) => {
          if (status === 200) acks.push(performance.now() - sent);
          else failed++;
        },
        () => {
          failed++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  // An app over its capacity works through a backlog after the last ack: its late Slack calls count, with their
  // latency, until every request is answered or none has been for QUIET_MS.
  const done = await completions(options.stub, sentAt, total);
  agent.destroy();
  const last = Math.max(...done.map((d) => d.arrived), start + 1);
  const latencies = done.map((d) => d.latency);
  return {
    sent: total,
    failed: Math.max(failed, total - done.length),
    throughput: done.length / ((last - start) / 1000),
    ackP50: percentile(acks, 50),
    ackP99: percentile(acks, 99),
    doneP50: percentile(latencies, 50),
    doneP99: percentile(latencies, 99),
  };
}

/** How long a backlog may go without an answer before the rest count as lost (a busy app answers far sooner). */
const QUIET_MS = 15_000;

async function completions(stub: SlackStub, sentAt: Map<string, number>, total: number) {
  const found = () =>
    [...sentAt].flatMap(([key, sent]) => {
      const arrived = stub.arrivedAt(key);
      return arrived === undefined ? [] : [{ arrived, latency: arrived - sent }];
    });
  // Apologies count as answered for the wait (the backlog is gone), as failed in the figures.
  const answered = () => [...sentAt.keys()].filter((key) => stub.arrivedAt(key) !== undefined || stub.apologised(key)).length;
  let seen = answered();
  for (let quiet = 0; seen < total && quiet < QUIET_MS; quiet += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = answered();
    if (now > seen) quiet = 0;
    seen = now;
  }
  return found();
}

function post(url: string, body: string, headers: Record<string, string>, agent: http.Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body) }, agent },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

// Sends POST /webhooks/leads the way a web form's server does: signed with the workspace's secret.
import { signWebForm } from "../../src/domain/intake/web-form-signature.js";
import type { TestApp } from "./test-app.js";

export interface WebFormPost {
  teamId: string;
  secret: string;
  body: Record<string, unknown> | string;
  contentType?: string;
  idempotencyKey?: string;
  /** Unix seconds; the app's clock by default. */
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
}

export interface WebFormReply {
  status: number;
  headers: Headers;
  body: any;
}

export async function postWebFormLead(app: Pick<TestApp, "url" | "clock">, post: WebFormPost): Promise<WebFormReply> {
  const contentType = post.contentType ?? "application/json";
  const raw =
    typeof post.body === "string"
      ? post.body
      : contentType.includes("json")
        ? JSON.stringify(post.body)
        : new URLSearchParams(post.body as Record<string, string>).toString();
  const timestamp = post.timestamp ?? Math.floor(app.clock.now().getTime() / 1000);
  const response = await fetch(`${app.url}/webhooks/leads`, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-baton-team": post.teamId,
      "x-baton-timestamp": String(timestamp),
      "x-baton-signature": post.signature ?? signWebForm(post.secret, timestamp, raw),
      ...(post.idempotencyKey ? { "idempotency-key": post.idempotencyKey } : {}),
      ...post.headers,
    },
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

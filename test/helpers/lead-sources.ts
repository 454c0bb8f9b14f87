// Sends POST /webhooks/sources/<id> the way each provider does, signed as its documentation says (written here from
// the providers' pages, independently of Baton's checks), with the documented example payloads.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { TestApp } from "./test-app.js";

export type Provider = "typeform" | "tally" | "webflow" | "hubspot" | "calendly" | "generic";

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), "utf8");
}

export interface SourcePost {
  sourceId: string;
  provider: Provider;
  secret: string;
  body: string;
  /** Milliseconds; the app's clock by default. */
  at?: number;
  /** Replaces the computed signature header(s). */
  headers?: Record<string, string>;
  contentType?: string;
}

export interface SourceReply {
  status: number;
  headers: Headers;
  body: any;
}

const mac = (secret: string, data: string, encoding: "hex" | "base64") => createHmac("sha256", secret).update(data).digest(encoding);

/** The headers a provider sends with `body` (the URL matters to HubSpot only). */
export function signedHeaders(provider: Provider, secret: string, body: string, url: string, at: number): Record<string, string> {
  switch (provider) {
    case "typeform":
      return { "typeform-signature": `sha256=${mac(secret, body, "base64")}` };
    case "tally":
      return { "tally-signature": mac(secret, body, "base64") };
    case "webflow":
      return { "x-webflow-timestamp": String(at), "x-webflow-signature": mac(secret, `${at}:${body}`, "hex") };
    case "hubspot":
      return { "x-hubspot-request-timestamp": String(at), "x-hubspot-signature-v3": mac(secret, `POST${url}${body}${at}`, "base64") };
    case "calendly": {
      const t = Math.floor(at / 1000);
      return { "calendly-webhook-signature": `t=${t},v1=${mac(secret, `${t}.${body}`, "hex")}` };
    }
    case "generic":
      return { authorization: `Bearer ${secret}` };
  }
}

export async function postToSource(app: Pick<TestApp, "url" | "clock">, post: SourcePost): Promise<SourceReply> {
  const url = `${app.url}/webhooks/sources/${post.sourceId}`;
  const at = post.at ?? app.clock.now().getTime();
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": post.contentType ?? "application/json",
      ...(post.headers ?? signedHeaders(post.provider, post.secret, post.body, url, at)),
    },
    body: post.body,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Adds a lead source as a workspace admin would, returning its id and the secret Baton shows once. */
export async function addSource(
  app: TestApp,
  teamId: string,
  source: { provider: Provider; name: string; fieldMap?: string; defaultCampaignId?: string; secret?: string },
): Promise<{ sourceId: string; secret: string }> {
  const adminId = `UADM${teamId.slice(-6)}`;
  app.slack.setUser({ id: adminId, is_admin: true });
  if (!(await app.db.workspace.findUnique({ where: { teamId } })))
    await app.requests.command("/baton", "help", { teamId, userId: adminId });
  const added = await app.baton.services.leadSources.add(teamId, adminId, {
    provider: source.provider,
    name: source.name,
    fieldMap: source.fieldMap,
    defaultCampaignId: source.defaultCampaignId,
    secret: source.secret,
  });
  return { sourceId: added.source.id, secret: added.secret };
}

// Installing Baton through its OAuth pages as a browser does: /slack/install (state cookie), then Slack's redirect back.
import type { TestApp } from "./test-app.js";

/** Follows /slack/install and /slack/oauth_redirect with a code granted on the Slack stand-in (grantOAuthCode). */
export async function installWithOAuth(app: TestApp, code: string): Promise<{ status: number; body: string }> {
  const page = await fetch(`${app.url}/slack/install`);
  const html = await page.text();
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const state = new URL((html.match(/href="([^"]+)"/)?.[1] ?? "").replaceAll("&amp;", "&")).searchParams.get("state") ?? "";
  const back = await fetch(`${app.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
  return { status: back.status, body: await back.text() };
}

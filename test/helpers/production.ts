// Helpers for the production-area tests: getting a workspace's web-form secret the way an admin does.
import type { Actor } from "./slack-requests.js";
import type { TestApp } from "./test-app.js";
import { waitUntil } from "./waits.js";

/** Opens /baton settings → Web forms as a workspace admin and reads the signing secret from the modal Slack shows. */
export async function webFormSecret(
  app: Pick<TestApp, "slack" | "requests">,
  teamId: string,
  adminId = `UADM${teamId.slice(-6)}`,
  orgWide?: { enterpriseId: string },
): Promise<string> {
  app.slack.setUser({ id: adminId, is_admin: true });
  const before = app.slack.callsOf("views.push").length;
  const reply = await app.requests.blockAction(
    { actionId: "settings_section", value: "web_forms", view: { id: "VSETTINGS1" } },
    { teamId, userId: adminId, ...(orgWide ? { orgWide } : {}) },
  );
  if (reply.status !== 200) throw new Error(`settings button answered ${reply.status}`);
  const pushed = await app.slack.waitFor(
    "views.push",
    (call) => app.slack.callsOf("views.push").indexOf(call) >= before && JSON.stringify(call.args.view).includes(`X-Baton-Team: ${teamId}`),
  );
  const match = JSON.stringify(pushed.args.view).match(/Signing secret\*\\n`(bwf_[0-9a-f]+)`/);
  if (!match?.[1]) throw new Error("no secret in the Web forms modal");
  return match[1];
}

/** A 32-byte ENCRYPTION_KEY for tests. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

/** `/lead import`, then waits until Baton has recorded the request (it does so just after acking). */
export async function requestImport(app: TestApp, actor: Actor & { teamId: string; userId: string }) {
  const reply = await app.requests.command("/lead", "import", actor);
  const key = `import-request:${actor.teamId}:${actor.userId}`;
  await waitUntil(async () => (await app.db.onceMarker.count({ where: { key } })) > 0, "recording the import request");
  return reply;
}

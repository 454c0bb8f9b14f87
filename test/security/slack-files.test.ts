// The CSV import reads files from Slack only: the bot token goes to Slack's file host (here the stand-in that
// SLACK_API_URL names) and nowhere else, redirects elsewhere and links to outside files are refused, and a file
// past the import's size limit is cut off with a clear message and nothing imported.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { slackFileOrigins } from "../../src/slack/file-hosts.js";
import { requestImport } from "../helpers/production.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0FILES001";
const USER = "U0FILES001";
const actor = { teamId: TEAM, userId: USER, channelId: `D${USER}` };
const CSV = "email,name\nada@engines.io,Ada Lovelace\n";

/** Another server on this machine, which must never see Baton's token: it records every request it gets. */
class Decoy {
  readonly requests: { url: string; authorization: string | undefined }[] = [];
  private server!: http.Server;
  origin = "";

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.requests.push({ url: req.url ?? "", authorization: req.headers.authorization });
      res.writeHead(200, { "content-type": "text/csv" });
      res.end("email,name\nmallory@decoy.io,Mallory\n");
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe("files from Slack only", () => {
  let app: TestApp;
  const decoy = new Decoy();
  beforeAll(async () => {
    await decoy.start();
    app = await startTestApp({ env: { CSV_IMPORT_MAX_MB: "1" } });
    await app.requests.command("/baton", "help", actor);
  });
  afterAll(async () => {
    await app.stop();
    await decoy.stop();
  });
  beforeEach(() => {
    app.slack.reset();
    decoy.requests.length = 0;
    app.slack.downloads.length = 0;
  });

  const share = async (fileId: string) => {
    await requestImport(app, actor);
    await app.requests.event(
      { type: "file_shared", file_id: fileId, user_id: USER, channel_id: `D${USER}`, file: { id: fileId } },
      { teamId: TEAM },
    );
  };
  /** The DM that says how the import went (not the "Importing…" that may come first). */
  const dmSaying = (pattern: RegExp) =>
    app.slack.waitFor(
      "chat.postMessage",
      (call) => call.args.channel === `D${USER}` && !String(call.args.text).startsWith("Importing") && pattern.test(String(call.args.text)),
    );
  const leads = () => app.db.lead.count({ where: { teamId: TEAM } });

  it("reads a file from Slack's file host with the bot token", async () => {
    app.slack.addFile("FFILEOK001", "ok.csv", CSV);
    await share("FFILEOK001");
    await dmSaying(/^Import of ok\.csv: 1 new/);
    expect(app.slack.downloads).toContainEqual({ fileId: "FFILEOK001", token: "xoxb-test-token" });
    await app.db.lead.deleteMany({ where: { teamId: TEAM } });
  });

  it("never sends the token to a download URL on another host, and imports nothing from it", async () => {
    app.slack.addFile("FFILEELSE1", "elsewhere.csv", CSV, { downloadUrl: `${decoy.origin}/files-pri/T0FILES001-FFILEELSE1/elsewhere.csv` });
    await share("FFILEELSE1");
    const refusal = await dmSaying(/elsewhere\.csv/);
    expect(refusal.args.text).toContain("isn't stored in Slack");
    expect(decoy.requests).toEqual([]);
    expect(await leads()).toBe(0);
  });

  it("refuses a redirect to another host, which never sees the token", async () => {
    app.slack.addFile("FFILEREDIR", "moved.csv", CSV, { redirectTo: `${decoy.origin}/stolen` });
    await share("FFILEREDIR");
    const refusal = await dmSaying(/moved\.csv/);
    expect(refusal.args.text).toContain("isn't stored in Slack");
    expect(decoy.requests.filter((r) => r.authorization)).toEqual([]);
    expect(decoy.requests).toEqual([]);
    expect(await leads()).toBe(0);
  });

  it("follows a redirect within Slack's file host", async () => {
    app.slack.addFile("FFILETARGT", "target.csv", CSV);
    app.slack.addFile("FFILEHOP01", "hop.csv", CSV, { redirectTo: `${app.slack.origin}/files/FFILETARGT` });
    await share("FFILEHOP01");
    await dmSaying(/^Import of hop\.csv: 1 new/);
    expect(app.slack.downloads.map((d) => [d.fileId, d.token])).toEqual([
      ["FFILEHOP01", "xoxb-test-token"],
      ["FFILETARGT", "xoxb-test-token"],
    ]);
    await app.db.lead.deleteMany({ where: { teamId: TEAM } });
  });

  it("refuses a link to a file outside Slack without downloading anything, keeping the request open", async () => {
    app.slack.addFile("FFILEGDRIV", "drive.csv", CSV, { isExternal: true, downloadUrl: `${decoy.origin}/drive` });
    await share("FFILEGDRIV");
    const refusal = await dmSaying(/drive\.csv/);
    expect(refusal.args.text).toContain("link to a file outside Slack");
    expect(app.slack.downloads).toEqual([]);
    expect(decoy.requests).toEqual([]);
    expect(await app.baton.services.leadFiles.hasImportRequest(TEAM, USER)).toBe(true);
  });

  it("cuts off a file that turns out larger than the limit, tells the person and imports nothing", async () => {
    const rows = ["email,name,notes"];
    for (let i = 0; i < 7_000; i++) rows.push(`big${i}@example.com,Person ${i},${"x".repeat(200)}`); // about 1.5 MB
    // files.info says it is small, and the download does not say how long it is.
    app.slack.addFile("FFILEHUGE1", "huge.csv", rows.join("\n"), { declaredSize: 2_000, chunked: true });
    await share("FFILEHUGE1");
    const refusal = await dmSaying(/huge\.csv/);
    expect(refusal.args.text).toBe(
      "huge.csv is larger than 1 MB, so nothing was imported. Split it into smaller files and run /lead import for each.",
    );
    expect(await leads()).toBe(0);
  });

  it("refuses a file whose declared size is over the limit before downloading it", async () => {
    app.slack.addFile("FFILEBIG02", "big.csv", CSV, { declaredSize: 2 * 1024 * 1024 });
    await share("FFILEBIG02");
    const refusal = await dmSaying(/big\.csv/);
    expect(refusal.args.text).toContain("is larger than 1 MB");
    expect(app.slack.downloads).toEqual([]);
    expect(await leads()).toBe(0);
  });
});

describe("Slack's file hosts", () => {
  it("are files.slack.com over https in production, and GovSlack's with GovSlack's API", () => {
    expect(slackFileOrigins(undefined)).toEqual(["https://files.slack.com"]);
    expect(slackFileOrigins("https://slack.com/api/")).toEqual(["https://files.slack.com"]);
    expect(slackFileOrigins("https://slack-gov.com/api/")).toEqual(["https://files.slack-gov.com"]);
  });

  it("are the API's own address when SLACK_API_URL names another one (a proxy, or a test stand-in)", () => {
    expect(slackFileOrigins("http://127.0.0.1:4567/api/")).toEqual(["http://127.0.0.1:4567"]);
  });
});

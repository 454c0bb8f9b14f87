// /funnel through the real app: signed slash commands in, what Slack is asked to show out.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { decodeImage } from "../helpers/image.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { FunnelData } from "./fixtures.js";
import { buildKnownWeek, NOW, ZONE } from "./known-week.js";

const TEAM = "T0FUNCMD01";
const USER = "U0FUNCMD01";
const CHANNEL = "C0FUNCMD01";
const as = { teamId: TEAM, userId: USER, channelId: CHANNEL };
const text = (body: { blocks?: unknown[] }) => JSON.stringify(body.blocks ?? []);

describe("/funnel", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ clock: new TestClock(NOW) });
    await buildKnownWeek(new FunnelData(app.db, TEAM, ZONE));
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  async function ask(commandText: string, actor = as) {
    const id = randomUUID();
    const reply = await app.requests.command("/funnel", commandText, actor, { response_url: app.slack.responseUrl(id) });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(""); // acked at once; the answer follows on the response_url
    return (await app.slack.waitForResponse((post) => post.id === id)).body;
  }

  it("shows last week's funnel only to the person who asked, with the numbers worked out by hand", async () => {
    const body = await ask("last week");
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("6 new leads, 5 MQLs, 4 SQLs, 2 won ($15,000)");
    const blocks = text(body);
    expect(blocks).toContain("Funnel · Week of Nov 16, 2026");
    expect(blocks).toContain("*New leads*: 6\\n+3 vs last week");
    expect(blocks).toContain("*Won (2)*: $15,000\\n+$15,000 vs last week");
    expect(blocks).toContain("MQL → SQL *80%*");
    expect(blocks).toContain("speed to lead 90% within 3 d");
    expect(blocks).toContain("Spring webinar");
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("defaults to this week so far, and reads month and a range of days", async () => {
    expect(text(await ask(""))).toContain("Week of Nov 23, 2026 (so far)");
    const month = await ask("month");
    expect(text(month)).toContain("November 2026 (so far)");
    expect(month.text).toContain("11 new leads");
    app.slack.reset();
    const range = await ask("2026-11-16..2026-11-22");
    expect(text(range)).toContain("Nov 16 – Nov 22, 2026");
    expect(range.text).toContain("6 new leads");
  });

  it("narrows to one campaign by name, with a period after it", async () => {
    const body = await ask("campaign Spring webinar last week");
    expect(text(body)).toContain("Spring webinar · Funnel · Week of Nov 16, 2026");
    expect(body.text).toContain("4 new leads, 4 MQLs, 3 SQLs, 1 won ($10,000)");
  });

  it("answers a period it cannot read with what would work, and an unknown campaign with where to look", async () => {
    const bad = await ask("fortnight");
    expect(bad.response_type).toBe("ephemeral");
    expect(text(bad)).toContain('I can\'t read \\"fortnight\\" as a period');
    expect(text(bad)).toContain("/funnel 2026-10-01..2026-10-31");
    expect(text(bad)).toContain("/funnel help");
    expect(bad.blocks).toHaveLength(1);
    app.slack.reset();
    const unknown = await ask("campaign Nope");
    expect(unknown.text).toContain("There is no campaign called “Nope”");
    expect(unknown.text).toContain("/campaign list");
  });

  it("shows the alignment scorecard on its own", async () => {
    const body = await ask("scorecard last week");
    const blocks = text(body);
    expect(blocks).toContain("Alignment scorecard · Week of Nov 16, 2026");
    expect(blocks).toContain(":red_circle: *MQLs vs commitment*: 8 this month, 15 due by now · _last 4: 0, 1, 2, 5_");
    expect(blocks).toContain(":large_green_circle: *Sales acceptance*: 80% of 5 (target 70%)");
    expect(blocks).toContain(":large_yellow_circle: *Marketing-sourced revenue*");
  });

  it("posts to the channel with `post`, the chart as a PNG inside the message", async () => {
    const body = await ask("post last week");
    expect(body.text).toContain(`Posted the funnel in <#${CHANNEL}>`);
    const [posted] = app.slack.callsOf("chat.postMessage");
    expect(posted?.args.channel).toBe(CHANNEL);
    expect(posted?.args.text).toContain("6 new leads");
    const complete = await app.slack.waitFor("files.completeUploadExternal");
    expect(complete.args.channel_id).toBeUndefined();
    const fileId = complete.args.files[0].id as string;
    expect(posted?.args.blocks).toContainEqual(expect.objectContaining({ type: "image", slack_file: { id: fileId } }));
    const png = app.slack.uploads.get(fileId);
    if (!png) throw new Error("no upload");
    expect(decodeImage(png)).toMatchObject({ format: "jpeg", width: 1200, height: 520 });
  });

  it("says how to fix it when it may not post in the channel, and posts nothing", async () => {
    const before = app.slack.history.get(CHANNEL)?.length ?? 0;
    app.slack.errorNext("chat.postMessage", "not_in_channel");
    const body = await ask("post");
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("I'm not in this channel yet: invite me with `/invite @Baton`");
    expect(app.slack.history.get(CHANNEL)?.length ?? 0).toBe(before);
    // The chart was uploaded privately first; no message shows it.
    expect(app.slack.callsOf("files.completeUploadExternal").every((call) => !call.args.channel_id)).toBe(true);
  });

  it("shows another workspace only its own (empty) funnel", async () => {
    const body = await ask("last week", { teamId: "T0FUNCMD02", userId: "U0OTHER001", channelId: CHANNEL });
    expect(body.text).toContain("a quiet period, no lead moved and no handoff was decided");
    expect(text(body)).not.toContain("Spring webinar");
  });
});

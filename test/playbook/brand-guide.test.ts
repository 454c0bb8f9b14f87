import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { basicsFields, formValues } from "../campaigns/forms.js";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0BRAND001";
const ADMIN = "U0BRANDADM";
const OTHER_ADMIN = "U0BRANDAD2";
const MARKETER = "U0BRANDMKT";
const as = (userId: string) => ({ teamId: TEAM, userId });

interface GuideForm {
  positioning?: string | null;
  tone?: string | null;
  keyMessages?: string | null;
  wordsToAvoid?: string | null;
  logoUrl?: string | null;
  templatesUrl?: string | null;
}
const guideValues = (g: GuideForm) =>
  formValues({
    positioning: input.text(g.positioning ?? null),
    tone: input.text(g.tone ?? null),
    keyMessages: input.text(g.keyMessages ?? null),
    wordsToAvoid: input.text(g.wordsToAvoid ?? null),
    logoUrl: { type: "url_text_input", value: g.logoUrl ?? null },
    templatesUrl: { type: "url_text_input", value: g.templatesUrl ?? null },
  });
const GUIDE: GuideForm = {
  positioning: "The handoff desk for B2B teams",
  tone: "Plain, warm, <never> hype",
  keyMessages: "Hand off leads in seconds\nOne funnel for both teams",
  wordsToAvoid: "synergy, leverage, cheap",
  logoUrl: "https://cdn.example.com/logo.png",
  templatesUrl: "https://drive.example.com/templates",
};

describe("the brand and message guide", () => {
  let app: TestApp;
  let views = 0;

  async function openEditor(userId: string) {
    app.slack.reset();
    await app.requests.blockAction({ actionId: "brand_guide_edit", value: "brand" }, as(userId));
    await app.slack.waitFor("views.open");
    return (await app.slack.waitFor("views.update")).args.view;
  }
  async function submit(userId: string, form: GuideForm, privateMetadata: string) {
    const id = `VBRAND${++views}`;
    app.slack.reset();
    const reply = await app.requests.viewSubmission(
      { callbackId: "brand_guide", values: guideValues(form), privateMetadata, id },
      as(userId),
    );
    const settled =
      reply.body.view?.title.text === "Playbook updated"
        ? await app.slack.waitFor("views.update", (call) => call.args.view_id === id)
        : undefined;
    return Object.assign(reply, { settled });
  }
  async function show(userId: string) {
    app.slack.reset();
    await app.requests.command("/baton", "brand", as(userId));
    return (await app.slack.waitForResponse()).body;
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    for (const id of [ADMIN, OTHER_ADMIN]) app.slack.setUser({ id, is_admin: true });
    await app.requests.command("/baton", "help", as(MARKETER));
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  it("shows an empty guide to everyone, with an Edit button only for admins", async () => {
    const forMarketer = JSON.stringify((await show(MARKETER)).blocks);
    expect(forMarketer).toContain("The guide is empty so far.");
    expect(forMarketer).not.toContain("brand_guide_edit");
    expect(JSON.stringify((await show(ADMIN)).blocks)).toContain("brand_guide_edit");
    const refused = await openEditor(MARKETER);
    expect(JSON.stringify(refused.blocks)).toContain("Only Baton admins can change the brand guide");
  });

  it("saves the guide an admin writes, records the change and announces it in both channels", async () => {
    const editor = await openEditor(ADMIN);
    expect(editor.callback_id).toBe("brand_guide");
    const reply = await submit(ADMIN, GUIDE, editor.private_metadata);
    expect(reply.body.response_action).toBe("update");
    const guide = await app.db.brandGuide.findUniqueOrThrow({ where: { teamId: TEAM } });
    expect(guide).toMatchObject({
      positioning: "The handoff desk for B2B teams",
      tone: "Plain, warm, <never> hype",
      keyMessages: ["Hand off leads in seconds", "One funnel for both teams"],
      wordsToAvoid: ["synergy", "leverage", "cheap"],
      logoUrl: "https://cdn.example.com/logo.png",
      templatesUrl: "https://drive.example.com/templates",
      updatedById: ADMIN,
    });
    const change = await app.db.playbookChange.findFirstOrThrow({ where: { teamId: TEAM, kind: "brand" } });
    expect(change).toMatchObject({ actorId: ADMIN, before: { keyMessages: [], wordsToAvoid: [] } });
    expect(change.after).toMatchObject({
      positioning: "The handoff desk for B2B teams",
      keyMessages: ["Hand off leads in seconds", "One funnel for both teams"],
    });
    expect(change.summary).toContain("positioning (none) → “The handoff desk for B2B teams”");
    expect(change.summary).toContain("key messages: added “Hand off leads in seconds”, “One funnel for both teams”");
    const channels = app.slack.callsOf("chat.postMessage").map((p) => p.args.channel);
    expect(channels.sort()).toEqual([MARKETING_CHANNEL, SALES_CHANNEL].sort());
    expect(JSON.stringify(reply.settled?.args.view)).toContain(`Announced in <#${SALES_CHANNEL}>`);
    expect(JSON.stringify(reply.settled?.args.view)).toContain(`Announced in <#${MARKETING_CHANNEL}>`);
  });

  it("shows the whole guide, escaped, with its links and who changed it last", async () => {
    const text = JSON.stringify((await show(MARKETER)).blocks);
    expect(text).toContain("*Positioning*\\nThe handoff desk for B2B teams");
    expect(text).toContain("Plain, warm, &lt;never&gt; hype");
    expect(text).toContain("• Hand off leads in seconds\\n• One funnel for both teams");
    expect(text).toContain("synergy, leverage, cheap");
    expect(text).toContain("<https://cdn.example.com/logo.png|Logo>");
    expect(text).toContain(`Last changed by <@${ADMIN}> on Nov 23, 2026.`);
  });

  it("lets a campaign pick one of the guide's key messages", async () => {
    await app.requests.command("/campaign", "", as(MARKETER));
    await app.slack.waitFor("views.open");
    // The key message is on the form's second step, after Next on the basics.
    const step2 = await app.requests.viewSubmission(
      {
        callbackId: "campaign_basics",
        values: basicsFields({ name: input.text("Guide week") }) as any,
        privateMetadata: "{}",
        id: "VGUIDE001",
      },
      as(MARKETER),
    );
    const keyMessage = step2.body.view.blocks.find((b: any) => b.block_id === "keyMessage");
    expect(keyMessage.element.options.map((o: any) => o.text.text)).toEqual(["Hand off leads in seconds", "One funnel for both teams"]);
  });

  it("summarises what an edit changed", async () => {
    const editor = await openEditor(ADMIN);
    await submit(
      ADMIN,
      { ...GUIDE, keyMessages: "One funnel for both teams\nSpeed to lead wins", wordsToAvoid: "synergy", logoUrl: null },
      editor.private_metadata,
    );
    const change = await app.db.playbookChange.findFirstOrThrow({ where: { teamId: TEAM, kind: "brand" }, orderBy: { at: "desc" } });
    expect(change.summary).toBe(
      "Brand guide: key messages: added “Speed to lead wins”, removed “Hand off leads in seconds”; words to avoid: removed “leverage”, “cheap”; logo link removed.",
    );
  });

  it("explains invalid input inline and changes nothing", async () => {
    const editor = await openEditor(ADMIN);
    const before = await app.db.brandGuide.findUniqueOrThrow({ where: { teamId: TEAM } });
    const reply = await submit(
      ADMIN,
      {
        positioning: "p".repeat(301),
        keyMessages: Array.from({ length: 21 }, (_, i) => `Message ${i}`).join("\n"),
        wordsToAvoid: "w".repeat(41),
        logoUrl: "not a link",
      },
      editor.private_metadata,
    );
    expect(reply.body.errors).toEqual({
      positioning: "The positioning line can be at most 300 characters.",
      keyMessages: "List at most 20 key messages.",
      wordsToAvoid: "Each word to avoid can be at most 40 characters.",
      logoUrl: "That isn't a web link: it should start with https:// (for example https://drive.google.com/...).",
    });
    expect(await app.db.brandGuide.findUniqueOrThrow({ where: { teamId: TEAM } })).toEqual(before);
  });

  it("refuses an edit opened before another admin saved, and one from someone who is not an admin", async () => {
    const mine = await openEditor(ADMIN);
    const theirs = await openEditor(OTHER_ADMIN);
    expect((await submit(OTHER_ADMIN, { ...GUIDE, tone: "Theirs" }, theirs.private_metadata)).body.response_action).toBe("update");
    const stale = await submit(ADMIN, { ...GUIDE, tone: "Mine" }, mine.private_metadata);
    expect(stale.body.errors.positioning).toContain("Someone else changed this while you were editing it");
    const forged = await submit(MARKETER, { ...GUIDE, tone: "Forged" }, (await openEditor(ADMIN)).private_metadata);
    expect(forged.body.errors.positioning).toContain("Only Baton admins can change the brand guide");
    expect((await app.db.brandGuide.findUniqueOrThrow({ where: { teamId: TEAM } })).tone).toBe("Theirs");
  });

  it("keeps a full guide within Slack's limits", async () => {
    const editor = await openEditor(ADMIN);
    const keyMessages = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, "0")} ${"m".repeat(137)}`).join("\n");
    const wordsToAvoid = Array.from({ length: 50 }, (_, i) => `${i}${"w".repeat(38)}`).join(", ");
    const reply = await submit(
      ADMIN,
      { positioning: "p".repeat(300), tone: "t".repeat(1000), keyMessages, wordsToAvoid },
      editor.private_metadata,
    );
    expect(reply.body.response_action).toBe("update");
    const body = await show(MARKETER);
    expect(body.blocks.length).toBeLessThanOrEqual(50);
    for (const block of body.blocks) if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    const text = JSON.stringify(body.blocks);
    expect(text).toContain("19 mmm");
    expect(text).toContain(`49${"w".repeat(38)}`);
  });
});

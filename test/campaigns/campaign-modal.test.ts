import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { input } from "../helpers/slack-requests.js";
import { SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { basicsFields, campaignFields } from "./forms.js";

const TEAM = "T0CMODAL01";
const OTHER_TEAM = "T0CMODAL02";
const MARKETER = "U0MARKETER";
const actor = { teamId: TEAM, userId: MARKETER };

describe("logging a campaign with /campaign", () => {
  let app: TestApp;
  let views = 0;
  /** Submits the modal; when it was accepted, waits until the announcement's outcome is shown in the modal. */
  const submit = async (values: ReturnType<typeof campaignFields>, who = actor) => {
    const id = `VCREATE${String(++views).padStart(3, "0")}`;
    const reply = await app.requests.viewSubmission({ callbackId: "campaign_create", values, id }, who);
    const settled =
      reply.body.response_action === "update" ? await app.slack.waitFor("views.update", (call) => call.args.view_id === id) : undefined;
    return Object.assign(reply, { settled });
  };

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    await app.requests.command("/baton", "help", { teamId: TEAM });
    await app.requests.command("/baton", "help", { teamId: OTHER_TEAM });
    await app.db.workspace.update({ where: { teamId: TEAM }, data: { currency: "EUR", timezone: "Europe/Berlin" } });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  /** Presses Next on step 1 with these basics; the reply is step 2 (or the errors). */
  const next = (values = basicsFields(), who = actor) =>
    app.requests.viewSubmission({ callbackId: "campaign_basics", values, id: `VNEXT${String(++views).padStart(3, "0")}` }, who);
  const blocksById = (view: any) => Object.fromEntries(view.blocks.filter((b: any) => b.block_id).map((b: any) => [b.block_id, b]));

  it("opens step 1 with the basics only: the workspace currency, today's date and the person as owner", async () => {
    await app.requests.command("/campaign", "", actor);
    const { args } = await app.slack.waitFor("views.open");
    expect(args.view.callback_id).toBe("campaign_basics");
    expect(args.view.submit.text).toBe("Next");
    const byId = blocksById(args.view);
    const inputs = args.view.blocks.filter((b: any) => b.type === "input").map((b: any) => b.block_id);
    expect(inputs).toEqual(["name", "channel", "ownerId", "startsOn", "endsOn", "budget", "currency"]);
    expect(byId.channel.element.options.map((o: any) => o.value)).toEqual([
      "social",
      "seo",
      "email",
      "paid_search",
      "display",
      "print",
      "events",
      "webinar",
      "referral",
      "other",
    ]);
    expect(byId.currency.element.initial_option.value).toBe("EUR");
    expect(byId.startsOn.element.initial_date).toBe("2026-11-23");
    expect(byId.ownerId.element.initial_user).toBe(MARKETER);
  });

  it("turns into step 2 on Next: no brand guide yet makes the key message free text, no ICP says where segments come from", async () => {
    const reply = await next(basicsFields({ name: input.text("Guide-less launch") }));
    expect(reply.body.response_action).toBe("update");
    const inputs = reply.body.view.blocks.filter((b: any) => b.type === "input").map((b: any) => b.block_id);
    expect(inputs).toEqual(["product", "offer", "place", "promotion", "keyMessage", "assetsUrl"]);
    expect(blocksById(reply.body.view).keyMessage.element.type).toBe("plain_text_input");
    expect(JSON.stringify(reply.body.view.blocks)).toContain("/baton icp");
  });

  it("offers the brand guide's key messages and the ICP segments as selects on step 2 once they exist", async () => {
    await app.db.brandGuide.create({ data: { teamId: TEAM, keyMessages: ["Hand off leads in seconds", "One funnel for both teams"] } });
    await app.db.icpSegment.create({ data: { id: "seg_cmodal_mid", teamId: TEAM, name: "Mid-market SaaS", industries: ["SaaS"] } });
    const byId = blocksById((await next()).body.view);
    expect(byId.keyMessage.element.type).toBe("static_select");
    expect(byId.keyMessage.element.options.map((o: any) => o.text.text)).toEqual([
      "Hand off leads in seconds",
      "One funnel for both teams",
    ]);
    expect(byId.segmentId.element.options).toEqual([expect.objectContaining({ value: "seg_cmodal_mid" })]);
  });

  it("logs a valid campaign, shows its tracking code and announces it in the sales channel with the message and offer", async () => {
    const reply = await submit(campaignFields({ segmentId: input.select("seg_cmodal_mid") }));
    expect(reply.status).toBe(200);
    expect(reply.body.response_action).toBe("update");
    expect(JSON.stringify(reply.body.view)).toContain("`spring-launch`");

    const stored = await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, nameKey: "spring launch" } });
    expect(stored).toMatchObject({
      name: "Spring Launch",
      channel: "webinar",
      product: "Baton Pro",
      offer: "20% off the first year",
      place: "Our webinar platform",
      promotion: "Hand off leads in seconds, not days",
      segmentId: "seg_cmodal_mid",
      budgetCents: 1_250_050,
      currency: "USD",
      ownerId: MARKETER,
      createdById: MARKETER,
      assetsUrl: "https://drive.example.com/spring",
      trackingCode: "spring-launch",
      endedAt: null,
    });
    expect(stored.startsOn?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(stored.endsOn?.toISOString()).toBe("2026-12-31T00:00:00.000Z");

    const post = await app.slack.waitFor("chat.postMessage", (call) => call.args.channel === SALES_CHANNEL);
    const posted = JSON.stringify(post.args.blocks);
    expect(posted).toContain("Hand off leads in seconds, not days");
    expect(posted).toContain("20% off the first year");
    expect(posted).toContain("Mid-market SaaS");
    expect(post.args.text).toContain("Spring Launch");
    expect(JSON.stringify(reply.settled?.args.view)).toContain(`Announced in <#${SALES_CHANNEL}>`);
  });

  it("stores the full key message picked from the guide by its id", async () => {
    const keyBlock = blocksById((await next(basicsFields({ name: input.text("Funnel week") }))).body.view).keyMessage;
    const picked = keyBlock.element.options[1].value;
    const reply = await submit(
      campaignFields({ name: input.text("Funnel week"), keyMessage: { type: "static_select", selected_option: { value: picked } } }),
    );
    expect(reply.body.response_action).toBe("update");
    const stored = await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, nameKey: "funnel week" } });
    expect(stored.keyMessage).toBe("One funnel for both teams");
  });

  it("explains every invalid field inline and stores nothing", async () => {
    const before = await app.db.campaign.count({ where: { teamId: TEAM } });
    const reply = await submit(
      campaignFields({
        name: input.text("   "),
        channel: input.select(null),
        budget: input.text("-300"),
        startsOn: input.date("2026-12-10"),
        endsOn: input.date("2026-12-01"),
        assetsUrl: { type: "url_text_input", value: "javascript:alert(1)" },
      }),
    );
    expect(reply.body).toEqual({
      response_action: "errors",
      errors: {
        name: "Give the campaign a name.",
        channel: "Pick the channel the campaign runs in.",
        budget: "A budget can't be negative.",
        endsOn: "The end date can't be before the start date.",
        assetsUrl: "That isn't a web link: it should start with https:// (for example https://drive.google.com/...).",
      },
    });
    expect(await app.db.campaign.count({ where: { teamId: TEAM } })).toBe(before);
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("refuses budgets that are not numbers, have too many decimals or exceed the maximum", async () => {
    const cases: [string, string, string][] = [
      ["lots", "USD", "Write the budget as a number, for example 12500 or 12,500.50."],
      ["10.005", "USD", "That's more decimals than USD has."],
      ["100.5", "JPY", "That's more decimals than JPY has."],
      ["20,000,000.01", "USD", "A budget can be at most $20,000,000.00."],
    ];
    for (const [budget, currency, message] of cases) {
      const reply = await submit(
        campaignFields({ name: input.text(`Budget ${budget}`), budget: input.text(budget), currency: input.select(currency) }),
      );
      expect(reply.body.errors, budget).toEqual({ budget: message });
    }
    expect(await app.db.campaign.count({ where: { teamId: TEAM, name: { startsWith: "Budget" } } })).toBe(0);
  });

  it("stores yen without minor units and accepts a campaign without budget or end date", async () => {
    await submit(campaignFields({ name: input.text("Tokyo fair"), budget: input.text("1,500,000"), currency: input.select("JPY") }));
    await submit(campaignFields({ name: input.text("Evergreen SEO"), budget: input.text(null), endsOn: input.date(null) }));
    const tokyo = await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, nameKey: "tokyo fair" } });
    expect([tokyo.budgetCents, tokyo.currency]).toEqual([1_500_000, "JPY"]);
    const seo = await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, nameKey: "evergreen seo" } });
    expect([seo.budgetCents, seo.endsOn]).toEqual([null, null]);
  });

  it("refuses a name already used in the workspace, whatever its case, but allows it in another workspace", async () => {
    const reply = await submit(campaignFields({ name: input.text("  SPRING   launch ") }));
    expect(reply.body.response_action).toBe("errors");
    expect(reply.body.errors.name).toContain("There's already a campaign called “Spring Launch”");
    expect(await app.db.campaign.count({ where: { teamId: TEAM, nameKey: "spring launch" } })).toBe(1);

    const elsewhere = await submit(campaignFields(), { teamId: OTHER_TEAM, userId: "U0OTHER001" });
    expect(elsewhere.body.response_action).toBe("update");
    const theirs = await app.db.campaign.findFirstOrThrow({ where: { teamId: OTHER_TEAM } });
    expect(theirs.trackingCode).toBe("spring-launch");
  });

  it("makes one campaign when the same name is submitted several times at once", async () => {
    const replies = await Promise.all(Array.from({ length: 5 }, () => submit(campaignFields({ name: input.text("Race day") }))));
    expect(replies.filter((r) => r.body.response_action === "update")).toHaveLength(1);
    for (const reply of replies.filter((r) => r.body.response_action === "errors"))
      expect(reply.body.errors.name).toContain("already a campaign");
    expect(await app.db.campaign.count({ where: { teamId: TEAM, nameKey: "race day" } })).toBe(1);
  });

  it("gives campaigns whose names make the same slug distinct tracking codes, also when logged at once", async () => {
    const names = ["Black Friday!", "Black-Friday", "black friday?", "Black  Friday…", "BLACK FRIDAY!!"];
    const replies = await Promise.all(names.map((name) => submit(campaignFields({ name: input.text(name) }))));
    expect(replies.every((r) => r.body.response_action === "update")).toBe(true);
    const codes = (await app.db.campaign.findMany({ where: { teamId: TEAM, trackingCode: { startsWith: "black-friday" } } })).map(
      (c) => c.trackingCode,
    );
    expect(codes.sort()).toEqual(["black-friday", "black-friday-2", "black-friday-3", "black-friday-4", "black-friday-5"]);
  });

  it("refuses an ICP segment or a key message of another workspace", async () => {
    await app.db.icpSegment.create({ data: { id: "seg_cmodal_other", teamId: OTHER_TEAM, name: "Theirs", industries: ["Retail"] } });
    const reply = await submit(
      campaignFields({
        name: input.text("Cross team"),
        segmentId: input.select("seg_cmodal_other"),
        keyMessage: { type: "static_select", selected_option: { value: "0123456789abcdef" } },
      }),
    );
    expect(reply.body.errors).toEqual({
      segmentId: "Pick one of this workspace's ICP segments (that one may have just been removed).",
      keyMessage: "That key message is no longer in the brand guide. Pick another one.",
    });
    expect(await app.db.campaign.count({ where: { nameKey: "cross team" } })).toBe(0);
  });

  it("keeps the campaign and tells the marketer how to fix it when Slack refuses the announcement", async () => {
    app.slack.errorNext("chat.postMessage", "not_in_channel");
    const reply = await submit(campaignFields({ name: input.text("Quiet launch") }));
    expect(reply.body.response_action).toBe("update");
    expect(JSON.stringify(reply.settled?.args.view)).toContain("invite it there with `/invite @Baton`");
    expect(await app.db.campaign.count({ where: { teamId: TEAM, nameKey: "quiet launch" } })).toBe(1);
  });

  it("says so when no sales channel is set, instead of announcing", async () => {
    await app.db.workspace.update({ where: { teamId: OTHER_TEAM }, data: { salesChannelId: null } });
    const reply = await submit(campaignFields({ name: input.text("Unannounced") }), { teamId: OTHER_TEAM, userId: "U0OTHER001" });
    expect(JSON.stringify(reply.settled?.args.view)).toContain("No sales channel is set");
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("never lets what a marketer typed turn into a mention or formatting in the announcement", async () => {
    const reply = await submit(campaignFields({ name: input.text("<!channel> launch"), offer: input.text("Free <@U0CEO00001> & more") }));
    const post = await app.slack.waitFor("chat.postMessage");
    // Plain text (the header) is never parsed for mentions; mrkdwn and the fallback text are.
    const mrkdwnTexts = JSON.stringify(post.args.blocks).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? [];
    expect(post.args.blocks[0].text.type).toBe("plain_text");
    for (const text of [post.args.text, mrkdwnTexts.join("\n")]) {
      expect(text).not.toContain("<!channel>");
      expect(text).not.toContain("<@U0CEO00001>");
      expect(text).toContain("&lt;!channel&gt; launch");
    }
    expect(JSON.stringify(reply.settled?.args.view)).toContain("&lt;!channel&gt; launch");
  });
});

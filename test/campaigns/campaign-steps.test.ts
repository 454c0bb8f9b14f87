// The campaign form in two steps as a marketer goes through it: basics, Next, message and audience, save; Back keeps
// both steps; editing takes the same two steps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { basicsFields, detailsFields } from "./forms.js";

const TEAM = "T0CSTEPS01";
const MARKETER = "U0MARKETER";
const STRANGER = "U0CSTEPST1";
const as = (userId: string) => ({ teamId: TEAM, userId });

const blocksById = (view: any) => Object.fromEntries(view.blocks.filter((b: any) => b.block_id).map((b: any) => [b.block_id, b]));
const inputsOf = (view: any) => view.blocks.filter((b: any) => b.type === "input").map((b: any) => b.block_id);

describe("the campaign form in two steps", () => {
  let app: TestApp;
  let views = 0;
  const viewId = () => `VSTEP${String(++views).padStart(3, "0")}`;

  const next = (values: Record<string, unknown>, privateMetadata = "{}", who = MARKETER) =>
    app.requests.viewSubmission({ callbackId: "campaign_basics", values: values as any, privateMetadata, id: viewId() }, as(who));
  const save = (callbackId: string, values: Record<string, unknown>, privateMetadata: string, who = MARKETER) =>
    app.requests.viewSubmission({ callbackId, values: values as any, privateMetadata, id: viewId() }, as(who));

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    await app.requests.command("/baton", "help", { teamId: TEAM });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  it("checks step 1 when Next is pressed: every mistake under its field, no step 2 and nothing stored", async () => {
    const reply = await next(
      basicsFields({
        name: input.text("  "),
        channel: input.select(null),
        budget: input.text("12,50,0.5.5"),
        startsOn: input.date("2026-12-10"),
        endsOn: input.date("2026-12-01"),
      }),
    );
    expect(reply.body).toEqual({
      response_action: "errors",
      errors: {
        name: "Give the campaign a name.",
        channel: "Pick the channel the campaign runs in.",
        budget: "Write the budget as a number, for example 12500 or 12,500.50.",
        endsOn: "The end date can't be before the start date.",
      },
    });
    expect(await app.db.campaign.count({ where: { teamId: TEAM } })).toBe(0);
  });

  it("logs a campaign in two steps: Next shows step 2 carrying the basics, and submitting it saves both", async () => {
    const step2 = await next(basicsFields({ name: input.text("Winter Webinar"), budget: input.text("5,000") }));
    expect(step2.body.response_action).toBe("update");
    const view = step2.body.view;
    expect(view.callback_id).toBe("campaign_create");
    expect(view.submit.text).toBe("Log campaign");
    expect(inputsOf(view)).toEqual(["product", "offer", "place", "promotion", "keyMessage", "assetsUrl"]);
    // The step's bold title and the campaign's bold name are kept apart by plain words, so they never read as one.
    const step = view.blocks.find((b: { block_id?: string }) => b.block_id === "campaign_step");
    expect(step.text.text).toBe("*Step 2 of 2: the message and who it is for.* The basics of *Winter Webinar* are kept.");
    expect(await app.db.campaign.count({ where: { teamId: TEAM } })).toBe(0);

    const saved = await save("campaign_create", detailsFields({ offer: input.text("Two seats for one") }), view.private_metadata);
    expect(saved.body.response_action).toBe("update");
    expect(JSON.stringify(saved.body.view)).toContain("`winter-webinar`");
    const stored = await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, nameKey: "winter webinar" } });
    expect(stored).toMatchObject({ channel: "webinar", budgetCents: 500_000, offer: "Two seats for one", ownerId: MARKETER });
    expect(stored.endsOn?.toISOString()).toBe("2026-12-31T00:00:00.000Z");
  });

  it("refuses on Next a name the workspace already has", async () => {
    const reply = await next(basicsFields({ name: input.text("WINTER webinar") }));
    expect(reply.body.errors).toEqual({ name: expect.stringContaining("There's already a campaign called “Winter Webinar”") });
  });

  it("shows step 2's own mistakes under its fields, and one from step 1 (a name taken meanwhile) under its first input", async () => {
    const step2 = await next(basicsFields({ name: input.text("Race Launch") }));
    const metadata = step2.body.view.private_metadata;
    const bad = await save("campaign_create", detailsFields({ assetsUrl: { type: "url_text_input", value: "ftp://x" } }), metadata);
    expect(Object.keys(bad.body.errors)).toEqual(["assetsUrl"]);

    await app.db.campaign.create({
      data: { teamId: TEAM, name: "Race launch", nameKey: "race launch", channel: "seo", createdById: STRANGER },
    });
    const taken = await save("campaign_create", detailsFields(), metadata);
    expect(Object.keys(taken.body.errors)).toEqual(["product"]);
    expect(taken.body.errors.product).toMatch(/^On the previous step \(press Back\): There's already a campaign called/);
    expect(await app.db.campaign.count({ where: { teamId: TEAM, createdById: MARKETER, nameKey: "race launch" } })).toBe(0);
  });

  it("goes Back to step 1 with the basics as typed, and Next again brings back what step 2 had", async () => {
    const step2 = await next(basicsFields({ name: input.text("Roundtrip"), budget: input.text("750") }));
    const typed = detailsFields({ product: input.text("Baton Lite"), promotion: input.text("Less typing") });
    await app.requests.blockAction(
      {
        actionId: "campaign_form_back",
        blockId: "campaign_step",
        view: { ...step2.body.view, id: "VBACK001", state: { values: typed } },
      },
      as(MARKETER),
    );
    const back = await app.slack.waitFor("views.update", (call) => call.args.view_id === "VBACK001");
    const step1 = back.args.view;
    expect(step1.callback_id).toBe("campaign_basics");
    const byId = blocksById(step1);
    expect(byId.name.element.initial_value).toBe("Roundtrip");
    expect(byId.budget.element.initial_value).toBe("750");
    expect(byId.channel.element.initial_option.value).toBe("webinar");

    const again = await next(basicsFields({ name: input.text("Roundtrip") }), step1.private_metadata);
    const details = blocksById(again.body.view);
    expect(details.product.element.initial_value).toBe("Baton Lite");
    expect(details.promotion.element.initial_value).toBe("Less typing");
  });

  it("edits a campaign in the same two steps, keeping its tracking code, for its owner only", async () => {
    const campaign = await app.db.campaign.findFirstOrThrow({ where: { teamId: TEAM, nameKey: "winter webinar" } });
    await app.requests.blockAction({ actionId: "campaign_edit", value: campaign.id }, as(MARKETER));
    await app.slack.waitFor("views.open");
    const step1 = (await app.slack.waitFor("views.update")).args.view;
    expect(step1.callback_id).toBe("campaign_basics");
    expect(blocksById(step1).name.element.initial_value).toBe("Winter Webinar");

    const forged = await next(basicsFields({ name: input.text("Hijacked") }), step1.private_metadata, STRANGER);
    expect(forged.body.errors.name).toContain("Only the campaign's owner or a Baton admin can edit");

    const step2 = await next(basicsFields({ name: input.text("Winter Webinar 2027") }), step1.private_metadata);
    expect(step2.body.view.callback_id).toBe("campaign_edit");
    expect(blocksById(step2.body.view).offer.element.initial_value).toBe("Two seats for one");
    const saved = await save("campaign_edit", detailsFields({ offer: input.text("Three for two") }), step2.body.view.private_metadata);
    expect(saved.body.response_action).toBe("update");
    expect(await app.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      name: "Winter Webinar 2027",
      offer: "Three for two",
      trackingCode: "winter-webinar",
    });
  });
});

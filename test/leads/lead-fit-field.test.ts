// The lead form asks for a Fit only while the workspace has no ICP; with one, it says the grade comes from the ICP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0LEADFIT1";
const MARKETER = "U0MKTFIT01";
const me = { teamId: TEAM, userId: MARKETER, channelId: "C0MKTG00001" };

const blockIds = (view: { blocks: { block_id?: string }[] }) => view.blocks.map((b) => b.block_id);

describe("the lead form's Fit field", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("offers a hand-picked Fit while there is no ICP", async () => {
    await app.requests.command("/lead", "", me);
    const { view } = (await app.slack.waitFor("views.open")).args;
    expect(blockIds(view)).toContain("fitGrade");
    expect(blockIds(view)).not.toContain("fit_from_icp");
  });

  it("drops it once the ICP has a segment, from /lead and from the Home's Log a lead, saying the ICP grades the fit", async () => {
    await app.db.icpSegment.create({ data: { id: "seg_fit_saas", teamId: TEAM, name: "SaaS", industries: ["SaaS"] } });
    await app.requests.command("/lead", "", me);
    const fromCommand = (await app.slack.waitFor("views.open")).args.view;
    app.slack.reset();
    await app.requests.blockAction({ actionId: "home_log_lead" }, me);
    const fromHome = (await app.slack.waitFor("views.open")).args.view;
    for (const view of [fromCommand, fromHome]) {
      expect(blockIds(view)).not.toContain("fitGrade");
      const note = view.blocks.find((b: { block_id?: string }) => b.block_id === "fit_from_icp");
      expect(note.elements[0].text).toContain("graded from the ideal customer profile");
    }
  });
});

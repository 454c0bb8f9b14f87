import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";
import { campaignFields, formValues } from "./forms.js";

const TEAM = "T0REPLIC01";
const ADMIN = "U0REPADMN1";
const as = { teamId: TEAM, userId: ADMIN };

describe("two replicas on one database", () => {
  let one: TestApp;
  let two: TestApp;
  let views = 0;

  beforeAll(async () => {
    one = await startTestApp();
    two = await startTestApp({ databaseUrl: one.databaseUrl, slack: one.slack });
    one.slack.setUser({ id: ADMIN, is_admin: true });
    await one.requests.command("/baton", "help", as);
  });
  afterAll(async () => {
    await two.stop();
    await one.stop();
  });

  const submit = (app: TestApp, callbackId: string, values: Record<string, Record<string, unknown>>, privateMetadata = "{}") =>
    app.requests.viewSubmission({ callbackId, values, privateMetadata, id: `VREPL${++views}` }, as);

  it("make one campaign of the same name submitted to both at once, and distinct tracking codes for similar names", async () => {
    const same = await Promise.all(
      [one, two, one, two].map((app) => submit(app, "campaign_create", campaignFields({ name: input.text("Replica launch") }))),
    );
    expect(same.filter((r) => r.body.response_action === "update")).toHaveLength(1);
    const similar = await Promise.all(
      ["Replica fair!", "Replica fair?", "replica-fair", "Replica  Fair"].map((name, i) =>
        submit(i % 2 ? one : two, "campaign_create", campaignFields({ name: input.text(name) })),
      ),
    );
    expect(similar.every((r) => r.body.response_action === "update")).toBe(true);
    const codes = (await one.db.campaign.findMany({ where: { teamId: TEAM, trackingCode: { startsWith: "replica-fair" } } })).map(
      (c) => c.trackingCode,
    );
    expect(codes.sort()).toEqual(["replica-fair", "replica-fair-2", "replica-fair-3", "replica-fair-4"]);
    expect(await one.db.campaign.count({ where: { teamId: TEAM, nameKey: "replica launch" } })).toBe(1);
  });

  it("record one ICP segment of a name added on both at once, and one first brand guide", async () => {
    const segment = formValues({
      name: input.text("Replicated"),
      industries: input.text("SaaS"),
      companySizes: input.checkboxes([]),
      regions: input.text(null),
      titles: input.text(null),
    });
    const added = await Promise.all([one, two, one, two].map((app) => submit(app, "icp_segment", segment)));
    expect(added.filter((r) => r.body.response_action === "update")).toHaveLength(1);
    expect(added.filter((r) => r.body.errors?.name?.includes("There's already a segment called"))).toHaveLength(3);
    expect(await one.db.icpSegment.count({ where: { teamId: TEAM } })).toBe(1);

    const guide = (line: string) => formValues({ positioning: input.text(line) });
    const first = await Promise.all([
      submit(one, "brand_guide", guide("From one"), JSON.stringify({ version: "" })),
      submit(two, "brand_guide", guide("From two"), JSON.stringify({ version: "" })),
    ]);
    const saved = first.filter((r) => r.body.response_action === "update");
    expect(saved).toHaveLength(1);
    expect(first.find((r) => r.body.response_action === "errors")?.body.errors.positioning).toContain("Someone else changed this");
    expect(await one.db.playbookChange.count({ where: { teamId: TEAM, kind: "brand" } })).toBe(1);
    expect(await one.db.playbookChange.count({ where: { teamId: TEAM, kind: "icp" } })).toBe(1);
  });
});

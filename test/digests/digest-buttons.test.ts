// A digest's own button, clicked as Slack sends it: "How we count" opens the rules for the person who clicked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COHORT_RULE } from "../../src/slack/blocks/funnel.js";
import { DigestActions } from "../../src/slack/ids.js";
import { textsOf } from "../helpers/block-kit.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

describe("a digest's How we count button", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { SALES_CHANNEL_ID: "", MARKETING_CHANNEL_ID: "" } });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("opens the counting rules in a modal, and posts nothing in the channel", async () => {
    await app.requests.blockAction({
      actionId: DigestActions.howWeCount,
      blockId: "digest_more",
      value: "sales",
      messageTs: "1700000000.000100",
    });
    const opened = await app.slack.waitFor("views.open");
    const view = opened.args.view as { title: { text: string }; blocks: unknown[] };
    expect(view.title.text).toBe("How we count");
    expect(textsOf(view.blocks).join("\n")).toContain(COHORT_RULE);
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });
});

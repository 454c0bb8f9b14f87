import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HOME_REDRAW_WINDOW_MS } from "../../src/slack/home/home-redraws.js";
import { handOff, logLead, waitUntil } from "../helpers/leads.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { ManualTimers } from "../helpers/timers.js";

const TEAM = "T0REDRAW01";
const MARKETER = "U0MKTRD001";
const REP = "U0REPRD001";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };
const rep = { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL };

describe("App Home redraws after a change", () => {
  const timers = new ManualTimers();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ start: { homeRedraws: { windowMs: HOME_REDRAW_WINDOW_MS, timers } } });
    await app.requests.command("/baton", "help", marketer);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    timers.fireAll();
    app.slack.reset();
  });

  async function waitingHandoff(email: string) {
    const lead = await logLead(app, { email, name: `Lead ${email}`, company: "Redraw Co" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    if (!handoff?.messageTs) throw new Error("no card");
    return handoff;
  }

  /** Requests whose listener has finished, work after the ack included (app.idle() would wait for the redraw too). */
  async function finishedRequests(): Promise<number> {
    return (await app.baton.metrics.slackRequests.get()).values.reduce((sum, v) => sum + v.value, 0);
  }

  /** Clicks Accept and waits until its listener has finished (and so asked for the redraw). */
  async function accept(handoff: { id: string; messageTs: string | null }) {
    const before = await finishedRequests();
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff.id, messageTs: handoff.messageTs ?? "" }, rep);
    await waitUntil(async () => (await finishedRequests()) > before, "the Accept's listener to finish");
  }

  const publishesTo = (userId: string) => app.slack.callsOf("views.publish").filter((c) => c.args.user_id === userId);

  it("draws the rep's Home once for two quick Accepts, after the window, showing both leads", async () => {
    const first = await waitingHandoff("first@redraw.io");
    const second = await waitingHandoff("second@redraw.io");
    timers.fireAll();
    await app.idle();
    app.slack.reset();

    await accept(first);
    await accept(second);
    expect(timers.pending).toEqual([HOME_REDRAW_WINDOW_MS]);
    expect(publishesTo(REP)).toHaveLength(0);

    timers.fireAll();
    await app.idle();
    const published = publishesTo(REP);
    expect(published).toHaveLength(1);
    const text = JSON.stringify(published[0]?.args.view.blocks);
    expect(text).toContain("Lead first@redraw.io");
    expect(text).toContain("Lead second@redraw.io");
  });

  it("draws the Home at once when the person opens it, and drops the redraw that was waiting", async () => {
    const handoff = await waitingHandoff("opened@redraw.io");
    timers.fireAll();
    await app.idle();
    app.slack.reset();
    await accept(handoff);
    expect(timers.pending).toHaveLength(1);

    await app.requests.event({ type: "app_home_opened", user: REP, channel: "D0REDRAW01", tab: "home" }, { teamId: TEAM });
    await app.slack.waitFor("views.publish", (c) => c.args.user_id === REP);
    expect(timers.pending).toHaveLength(0);
    await app.idle();
    expect(publishesTo(REP)).toHaveLength(1);
    expect(JSON.stringify(publishesTo(REP)[0]?.args.view.blocks)).toContain("Lead opened@redraw.io");
  });

  it("draws it on every opening, however often", async () => {
    for (let i = 0; i < 3; i++) {
      await app.requests.event({ type: "app_home_opened", user: REP, channel: "D0REDRAW01", tab: "home" }, { teamId: TEAM });
    }
    await waitUntil(() => publishesTo(REP).length === 3, "three Home publishes");
    expect(timers.pending).toHaveLength(0);
  });
});

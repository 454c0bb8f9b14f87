import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DbCallCounter } from "../../src/db/call-counter.js";
import { handOff, logLead, updatesOf } from "../helpers/leads.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0CALLS001";
const MARKETER = "U0MKTCA001";
const REP = "U0REPCA001";
const marketer = { teamId: TEAM, userId: MARKETER, channelId: MARKETING_CHANNEL };
const rep = { teamId: TEAM, userId: REP, channelId: SALES_CHANNEL };

describe("the database calls of one Accept", () => {
  const dbCalls = new DbCallCounter();
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ start: { dbCalls } });
    await app.requests.command("/baton", "help", marketer);
  });
  afterAll(async () => {
    await app.stop();
  });

  it("makes at most 5 from the click to the card's update", async () => {
    const lead = await logLead(app, { email: "calls@example.com", name: "Ada Calls", company: "Acme" }, marketer);
    const handoff = await handOff(app, lead.id, marketer);
    const ts = handoff?.messageTs ?? "";
    await app.idle();
    app.slack.reset();
    dbCalls.reset();
    await app.requests.blockAction({ actionId: "handoff_accept", value: handoff?.id ?? "", messageTs: ts }, rep);
    await app.slack.waitFor("chat.update", (c) => c.args.ts === ts);
    const toCardUpdate = [...dbCalls.calls];
    await app.idle();
    console.log(toCardUpdate, dbCalls.calls);
    expect(updatesOf(app, SALES_CHANNEL, ts)).toHaveLength(1);
    expect(toCardUpdate.length).toBeLessThanOrEqual(5);
  });
});

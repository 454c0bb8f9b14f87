import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formValues } from "../campaigns/forms.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0SLA00001";
const ADMIN = "U0SLAADMN1";
const REP = "U0SLAREP01";
const as = (userId: string) => ({ teamId: TEAM, userId });
const number = (value: string | null) => ({ type: "number_input", value });
const termsValues = (mql: string | null, hours: string | null, percent: string | null) =>
  formValues({ mqlMonthlyTarget: number(mql), responseHours: number(hours), acceptanceRatePercent: number(percent) });

describe("the sales-marketing agreement", () => {
  let app: TestApp;
  let views = 0;

  async function show(userId: string) {
    app.slack.reset();
    await app.requests.command("/baton", "sla", as(userId));
    return (await app.slack.waitForResponse()).body;
  }
  async function openEditor(userId: string) {
    app.slack.reset();
    await app.requests.blockAction({ actionId: "agreement_edit", value: "agreement" }, as(userId));
    await app.slack.waitFor("views.open");
    return (await app.slack.waitFor("views.update")).args.view;
  }
  async function submit(userId: string, values: ReturnType<typeof termsValues>, privateMetadata: string) {
    const id = `VSLA${++views}`;
    app.slack.reset();
    const reply = await app.requests.viewSubmission({ callbackId: "agreement", values, privateMetadata, id }, as(userId));
    const settled =
      reply.body.view?.title.text === "Playbook updated"
        ? await app.slack.waitFor("views.update", (call) => call.args.view_id === id)
        : undefined;
    return Object.assign(reply, { settled });
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", as(REP));
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  it("shows the default terms until admins agree on others, and lets only admins change them", async () => {
    const body = await show(REP);
    const text = JSON.stringify(body.blocks);
    expect(text).toContain("100 MQLs a month");
    expect(text).toContain("within 4 hours of working time");
    expect(text).toContain("70% of MQLs accepted");
    expect(text).toContain("These are Baton's defaults");
    expect(text).not.toContain("agreement_edit");
    expect(JSON.stringify((await show(ADMIN)).blocks)).toContain("agreement_edit");
    expect(JSON.stringify((await openEditor(REP)).blocks)).toContain("Only Baton admins can change the sales-marketing agreement");
  });

  it("saves new terms in the units the rest of Baton reads, records them and announces them in both channels", async () => {
    const editor = await openEditor(ADMIN);
    const byId = Object.fromEntries(editor.blocks.map((b: any) => [b.block_id, b]));
    expect([
      byId.mqlMonthlyTarget.element.initial_value,
      byId.responseHours.element.initial_value,
      byId.acceptanceRatePercent.element.initial_value,
    ]).toEqual(["100", "4", "70"]);
    const reply = await submit(ADMIN, termsValues("120", "1.5", "75"), editor.private_metadata);
    expect(reply.body.response_action).toBe("update");
    const stored = await app.db.agreement.findUniqueOrThrow({ where: { teamId: TEAM } });
    expect(stored).toMatchObject({ mqlMonthlyTarget: 120, responseSlaMinutes: 90, acceptanceRateTarget: 0.75, updatedById: ADMIN });
    const change = await app.db.playbookChange.findFirstOrThrow({ where: { teamId: TEAM, kind: "agreement" } });
    expect(change).toMatchObject({
      actorId: ADMIN,
      summary:
        "Sales-marketing agreement: monthly MQL target 100 → 120; sales responds within 4 hours → 1 h 30 min (working time); target acceptance rate 70% → 75%.",
      before: { mqlMonthlyTarget: 100, responseSlaMinutes: 240, acceptanceRateTarget: 0.7 },
      after: { mqlMonthlyTarget: 120, responseSlaMinutes: 90, acceptanceRateTarget: 0.75 },
    });
    const posts = app.slack.callsOf("chat.postMessage");
    expect(posts.map((p) => p.args.channel).sort()).toEqual([MARKETING_CHANNEL, SALES_CHANNEL].sort());
    expect(posts[0]?.args.text).toContain("monthly MQL target 100 → 120");
    expect(JSON.stringify(reply.settled?.args.view)).toContain(`Announced in <#${MARKETING_CHANNEL}>`);

    const text = JSON.stringify((await show(REP)).blocks);
    expect(text).toContain("120 MQLs a month");
    expect(text).toContain("within 1 h 30 min of working time");
    expect(text).toContain("75% of MQLs accepted");
    expect(text).toContain(`Last changed by <@${ADMIN}>`);
    const reopened = await openEditor(ADMIN);
    expect(reopened.blocks.find((b: any) => b.block_id === "responseHours").element.initial_value).toBe("1.5");
  });

  it("explains invalid terms inline and keeps the agreement", async () => {
    const editor = await openEditor(ADMIN);
    const cases: [ReturnType<typeof termsValues>, Record<string, string>][] = [
      [
        termsValues(null, "abc", "0"),
        {
          mqlMonthlyTarget: "How many MQLs a month does marketing commit to?",
          responseHours: "Write a number, for example 4 or 1.5.",
          acceptanceRatePercent: "The target acceptance rate is a percentage from 1 to 100.",
        },
      ],
      [
        termsValues("10.5", "0.1", "101"),
        {
          mqlMonthlyTarget: "A whole number of MQLs, please.",
          responseHours: "The response time has to be at least a quarter of an hour (0.25).",
          acceptanceRatePercent: "The target acceptance rate is a percentage from 1 to 100.",
        },
      ],
      [
        termsValues("100001", "121", "50"),
        {
          mqlMonthlyTarget: "The monthly MQL target can be at most 100,000.",
          responseHours: "The response time can be at most 120 working hours.",
        },
      ],
    ];
    for (const [values, errors] of cases) expect((await submit(ADMIN, values, editor.private_metadata)).body.errors).toEqual(errors);
    expect(await app.db.agreement.findUniqueOrThrow({ where: { teamId: TEAM } })).toMatchObject({
      mqlMonthlyTarget: 120,
      responseSlaMinutes: 90,
    });
  });

  it("refuses a stale edit and one from someone who is not an admin", async () => {
    const editor = await openEditor(ADMIN);
    expect((await submit(ADMIN, termsValues("150", "2", "80"), editor.private_metadata)).body.response_action).toBe("update");
    const stale = await submit(ADMIN, termsValues("90", "8", "60"), editor.private_metadata);
    expect(stale.body.errors.mqlMonthlyTarget).toContain("Someone else changed this while you were editing it");
    const fresh = await openEditor(ADMIN);
    const forged = await submit(REP, termsValues("1", "120", "1"), fresh.private_metadata);
    expect(forged.body.errors.mqlMonthlyTarget).toContain("Only Baton admins can change the sales-marketing agreement");
    expect(await app.db.agreement.findUniqueOrThrow({ where: { teamId: TEAM } })).toMatchObject({
      mqlMonthlyTarget: 150,
      responseSlaMinutes: 120,
      acceptanceRateTarget: 0.8,
    });
    expect(await app.db.playbookChange.count({ where: { teamId: TEAM, kind: "agreement" } })).toBe(2);
  });
});

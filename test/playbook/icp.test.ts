import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseLeadInput } from "../../src/domain/leads/lead-input.js";
import { saveLead } from "../../src/domain/leads/save-lead.js";
import { formValues } from "../campaigns/forms.js";
import { input } from "../helpers/slack-requests.js";
import { MARKETING_CHANNEL, SALES_CHANNEL, startTestApp, type TestApp } from "../helpers/test-app.js";

const TEAM = "T0ICP00001";
const ADMIN = "U0ICPADMN1";
const REP = "U0ICPREP01";
const as = (userId: string) => ({ teamId: TEAM, userId });

interface SegmentForm {
  name: string;
  industries?: string;
  companySizes?: string[];
  regions?: string;
  titles?: string;
}
const segmentValues = (s: SegmentForm) =>
  formValues({
    name: input.text(s.name),
    industries: input.text(s.industries ?? null),
    companySizes: input.checkboxes(s.companySizes ?? []),
    regions: input.text(s.regions ?? null),
    titles: input.text(s.titles ?? null),
  });
const MID_MARKET: SegmentForm = {
  name: "Mid-market SaaS",
  industries: "SaaS, Software",
  companySizes: ["51-200", "201-1000"],
  regions: "Europe",
  titles: "VP\nHead of",
};

describe("the ideal customer profile and fit grades", () => {
  let app: TestApp;
  let views = 0;

  const grades = async (): Promise<Record<string, [string | null, string | null]>> =>
    Object.fromEntries(
      (await app.db.lead.findMany({ where: { teamId: TEAM }, select: { emailKey: true, fitGrade: true, fitSegmentId: true } })).map((l) => [
        l.emailKey,
        [l.fitGrade, l.fitSegmentId],
      ]),
    );
  const save = (raw: Record<string, unknown>) => {
    const parsed = parseLeadInput(raw);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return saveLead({ db: app.db, clock: app.clock }, { teamId: TEAM, lead: parsed.lead, actorId: "U0ICPMKT01", source: "slack" });
  };
  /** Opens the segment modal (Add, or Edit of a segment) and returns the view Baton showed. */
  async function openSegment(userId: string, segmentId?: string) {
    app.slack.reset();
    await app.requests.blockAction(
      segmentId ? { actionId: "icp_segment_edit", value: segmentId } : { actionId: "icp_segment_add", value: "new" },
      as(userId),
    );
    await app.slack.waitFor("views.open");
    return (await app.slack.waitFor("views.update")).args.view;
  }
  /** Submits the segment modal; once accepted, waits until Baton reports announcing and regrading in it. */
  async function submitSegment(userId: string, form: SegmentForm, privateMetadata = "{}") {
    const id = `VICP${++views}`;
    app.slack.reset();
    const reply = await app.requests.viewSubmission(
      { callbackId: "icp_segment", values: segmentValues(form), privateMetadata, id },
      as(userId),
    );
    const settled =
      reply.body.response_action === "update" && reply.body.view.title.text === "Playbook updated"
        ? await app.slack.waitFor("views.update", (call) => call.args.view_id === id)
        : undefined;
    return Object.assign(reply, { settled });
  }

  beforeAll(async () => {
    app = await startTestApp();
    app.clock.set("2026-11-23T09:00:00Z");
    app.slack.setUser({ id: ADMIN, is_admin: true });
    await app.requests.command("/baton", "help", as(REP));
    await save({
      email: "a@x.com",
      industry: "B2B SaaS",
      companySize: "51-200",
      region: "Western Europe",
      title: "VP Marketing",
      fitGrade: "C",
    });
    await save({ email: "b@x.com", industry: "Retail", companySize: "1-10", region: "Asia", title: "Buyer", fitGrade: "A" });
    await save({ email: "c@x.com", industry: "Software", companySize: "201-1000", region: "Europe", title: "Engineer" });
    await save({ email: "d@x.com", fitGrade: "B" });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => {
    app.slack.reset();
  });

  it("keeps hand-picked grades while the workspace has no ICP, and says so", async () => {
    expect(await grades()).toEqual({ "a@x.com": ["C", null], "b@x.com": ["A", null], "c@x.com": [null, null], "d@x.com": ["B", null] });
    await app.requests.command("/baton", "icp", as(REP));
    const { body } = await app.slack.waitForResponse();
    const text = JSON.stringify(body.blocks);
    expect(text).toContain("No segments yet, so fit grades are picked by hand");
    expect(text).toContain("Baton admins can change it.");
    expect(text).not.toContain("icp_segment_add");
  });

  it("shows admins an Add button, and refuses the segment modal to anyone else", async () => {
    await app.requests.command("/baton", "icp", as(ADMIN));
    expect(JSON.stringify((await app.slack.waitForResponse()).body.blocks)).toContain("icp_segment_add");
    const refused = await openSegment(REP);
    expect(JSON.stringify(refused.blocks)).toContain("Only Baton admins can change the ideal customer profile");
    const form = await openSegment(ADMIN);
    expect(form.callback_id).toBe("icp_segment");
    expect(form.blocks.map((b: any) => b.block_id)).toEqual(["name", "industries", "companySizes", "regions", "titles"]);
  });

  it("adds a segment: records who, when and what, announces it in both channels and regrades every lead", async () => {
    const reply = await submitSegment(ADMIN, MID_MARKET);
    expect(reply.body.response_action).toBe("update");
    const segment = await app.db.icpSegment.findFirstOrThrow({ where: { teamId: TEAM } });
    expect(segment).toMatchObject({
      name: "Mid-market SaaS",
      industries: ["SaaS", "Software"],
      companySizes: ["51-200", "201-1000"],
      regions: ["Europe"],
      titles: ["VP", "Head of"],
    });
    const change = await app.db.playbookChange.findFirstOrThrow({ where: { teamId: TEAM, kind: "icp" } });
    const summary =
      "Added ICP segment “Mid-market SaaS”: industries SaaS, Software · company sizes 51-200, 201-1000 · regions Europe · job titles VP, Head of.";
    expect(change).toMatchObject({ actorId: ADMIN, summary, before: null });
    expect(change.at.toISOString()).toBe("2026-11-23T09:00:00.000Z");
    expect(change.after).toMatchObject({ id: segment.id, name: "Mid-market SaaS", regions: ["Europe"] });

    const posts = app.slack.callsOf("chat.postMessage");
    expect(posts.map((p) => p.args.channel).sort()).toEqual([MARKETING_CHANNEL, SALES_CHANNEL].sort());
    for (const post of posts) {
      expect(JSON.stringify(post.args.blocks)).toContain(summary);
      expect(JSON.stringify(post.args.blocks)).toContain(`<@${ADMIN}>`);
    }
    expect(JSON.stringify(reply.settled?.args.view)).toContain("Fit grades are up to date: 4 of 4 leads changed grade.");
    // A: all four criteria; B: all but the title; D: no segment fits (hand-picked grades replaced).
    expect(await grades()).toEqual({
      "a@x.com": ["A", segment.id],
      "b@x.com": ["D", null],
      "c@x.com": ["B", segment.id],
      "d@x.com": ["D", null],
    });
  });

  it("grades leads saved from now on by the ICP, over a hand-picked grade, and regrades them when their fields change", async () => {
    const segment = await app.db.icpSegment.findFirstOrThrow({ where: { teamId: TEAM } });
    const { lead } = await save({
      email: "e@x.com",
      industry: "SaaS",
      companySize: "51-200",
      region: "Europe",
      title: "Head of Sales",
      fitGrade: "D",
    });
    expect([lead.fitGrade, lead.fitSegmentId]).toEqual(["A", segment.id]);
    const created = await app.db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, type: "created" } });
    expect(created.fitGrade).toBe("A");
    const { lead: moved } = await save({ email: "e@x.com", region: "Asia" });
    expect([moved.fitGrade, moved.fitSegmentId]).toEqual(["B", segment.id]);
    expect(await app.baton.services.playbook.gradeLead(TEAM, { industry: "Retail" })).toEqual({ grade: "D", segmentId: null });
  });

  it("changes a segment it was opened with, recording before and after, and regrades", async () => {
    const segment = await app.db.icpSegment.findFirstOrThrow({ where: { teamId: TEAM } });
    const form = await openSegment(ADMIN, segment.id);
    const byId = Object.fromEntries(form.blocks.filter((b: any) => b.block_id).map((b: any) => [b.block_id, b]));
    expect(byId.industries.element.initial_value).toBe("SaaS\nSoftware");
    expect(byId.companySizes.element.initial_options.map((o: any) => o.value)).toEqual(["51-200", "201-1000"]);
    const reply = await submitSegment(ADMIN, { ...MID_MARKET, regions: "North America" }, form.private_metadata);
    expect(JSON.stringify(reply.settled?.args.view)).toContain("Fit grades are up to date: 2 of 5 leads changed grade.");
    const change = await app.db.playbookChange.findFirstOrThrow({ where: { teamId: TEAM, kind: "icp" }, orderBy: { at: "desc" } });
    expect(change.summary).toBe("Changed ICP segment “Mid-market SaaS”: regions Europe → North America.");
    expect(change.before).toMatchObject({ regions: ["Europe"] });
    expect(change.after).toMatchObject({ regions: ["North America"] });
    const now = await grades();
    expect(now["a@x.com"]).toEqual(["B", segment.id]);
    expect(now["c@x.com"]).toEqual(["C", segment.id]);
  });

  it("records and announces nothing when a segment is saved unchanged", async () => {
    const segment = await app.db.icpSegment.findFirstOrThrow({ where: { teamId: TEAM } });
    const form = await openSegment(ADMIN, segment.id);
    const before = await app.db.playbookChange.count({ where: { teamId: TEAM } });
    const reply = await submitSegment(ADMIN, { ...MID_MARKET, regions: "North America" }, form.private_metadata);
    expect(reply.body.view.title.text).toBe("Nothing changed");
    expect(await app.db.playbookChange.count({ where: { teamId: TEAM } })).toBe(before);
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(0);
  });

  it("explains invalid segments inline and stores nothing", async () => {
    const before = await app.db.playbookChange.count({ where: { teamId: TEAM } });
    const empty = await submitSegment(ADMIN, { name: "" });
    expect(empty.body.errors).toEqual({
      name: "Give the segment a name.",
      industries: "A segment needs at least one criterion: an industry, a company size, a region or a job title.",
    });
    const taken = await submitSegment(ADMIN, { name: "MID-MARKET saas", industries: "Retail" });
    expect(taken.body.errors).toEqual({ name: "There's already a segment called “MID-MARKET saas”. Pick another name." });
    const long = await submitSegment(ADMIN, { name: "Long", titles: "x".repeat(101) });
    expect(long.body.errors).toEqual({ titles: "Each job title can be at most 100 characters." });
    expect(await app.db.icpSegment.count({ where: { teamId: TEAM } })).toBe(1);
    expect(await app.db.playbookChange.count({ where: { teamId: TEAM } })).toBe(before);
  });

  it("refuses a submission from someone who is not an admin, and a stale edit", async () => {
    const segment = await app.db.icpSegment.findFirstOrThrow({ where: { teamId: TEAM } });
    const forged = await submitSegment(REP, { name: "Sneaky", industries: "Retail" });
    expect(forged.body.errors.name).toContain("Only Baton admins can change the ideal customer profile");
    const stale = await submitSegment(
      ADMIN,
      { ...MID_MARKET, regions: "Asia" },
      JSON.stringify({ segmentId: segment.id, version: "2026-01-01T00:00:00.000Z" }),
    );
    expect(stale.body.errors.name).toContain("Someone else changed this while you were editing it");
    expect((await app.db.icpSegment.findUniqueOrThrow({ where: { id: segment.id } })).regions).toEqual(["North America"]);
    expect(await app.db.icpSegment.count({ where: { teamId: TEAM } })).toBe(1);
  });

  it("shows the segments with their criteria, how grades work and how many leads have each grade", async () => {
    await app.requests.command("/baton", "icp", as(REP));
    const { body } = await app.slack.waitForResponse();
    const text = JSON.stringify(body.blocks);
    expect(text).toContain(
      "*Mid-market SaaS*\\nIndustries: SaaS, Software\\nCompany sizes: 51-200, 201-1000\\nRegions: North America\\nJob titles: VP, Head of",
    );
    expect(text).toContain("*A* meets every criterion of a segment");
    expect(text).toContain("Leads by fit grade: A 0 · B 2 · C 1 · D 2");
    expect(text).toContain(`Last changed by <@${ADMIN}>`);
    expect(text).not.toContain("icp_segment_edit");
  });

  it("removes a segment from its modal: recorded, announced, and grades cleared once no segment is left", async () => {
    const segment = await app.db.icpSegment.findFirstOrThrow({ where: { teamId: TEAM } });
    const form = await openSegment(ADMIN, segment.id);
    const remove = form.blocks.find((b: any) => b.type === "actions").elements[0];
    expect(remove.confirm).toBeDefined();
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "icp_segment_remove", value: segment.id, view: { id: "VREMOVE1", private_metadata: form.private_metadata } },
      as(ADMIN),
    );
    const done = await app.slack.waitFor("views.update", (call) => JSON.stringify(call.args.view).includes("Fit grades are up to date"));
    expect(JSON.stringify(done.args.view)).toContain("5 of 5 leads changed grade");
    expect(await app.db.icpSegment.count({ where: { teamId: TEAM } })).toBe(0);
    const change = await app.db.playbookChange.findFirstOrThrow({ where: { teamId: TEAM, kind: "icp" }, orderBy: { at: "desc" } });
    expect(change.summary).toMatch(/^Removed ICP segment “Mid-market SaaS” \(industries SaaS, Software/);
    expect(change.after).toBeNull();
    expect(app.slack.callsOf("chat.postMessage")).toHaveLength(2);
    expect(Object.values(await grades()).every(([grade, seg]) => grade === null && seg === null)).toBe(true);
  });

  it("regrades a large workspace page by page, and catches up after an interrupted regrade", async () => {
    const teamId = "T0ICPBULK1";
    await app.db.workspace.create({ data: { teamId } });
    await app.db.lead.createMany({
      data: Array.from({ length: 1234 }, (_, i) => ({
        teamId,
        emailKey: `lead${i}@bulk.com`,
        createdById: "U0BULK0001",
        industry: i % 2 === 0 ? "SaaS" : "Retail",
        region: i % 3 === 0 ? "Europe" : "Asia",
      })),
    });
    // The ICP changed, but the process stopped before regrading (no "applied" marker).
    const segment = await app.db.icpSegment.create({ data: { teamId, name: "SaaS in Europe", industries: ["SaaS"], regions: ["Europe"] } });
    await app.db.playbookChange.create({ data: { teamId, kind: "icp", actorId: ADMIN, summary: "Added", at: app.clock.now() } });
    await app.baton.jobs.icpRegrade?.run();
    const counts = await app.baton.services.playbook.gradeCounts(teamId);
    // i % 6 == 0: both criteria (A); i even or i % 3 == 0 otherwise: one of two (C); the rest: D.
    expect(counts).toEqual({ A: 206, C: 617, D: 411 });
    expect(await app.db.lead.count({ where: { teamId, fitGrade: "A", fitSegmentId: segment.id } })).toBe(206);

    await app.db.icpSegment.update({ where: { id: segment.id }, data: { regions: [] } });
    expect(await app.baton.services.playbook.regradeLeads(teamId, 100)).toEqual({ leads: 1234, changed: 1234 - 617 + 0 });
    expect(await app.baton.services.playbook.gradeCounts(teamId)).toEqual({ A: 617, D: 617 });
  });
});

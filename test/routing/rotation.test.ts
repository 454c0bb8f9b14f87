import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickNext } from "../../src/domain/routing/pick-next.js";
import { cardPost, dmsTo, handOff, logLead, startReplicas, textOf, waitUntil } from "../helpers/leads.js";
import { input } from "../helpers/slack-requests.js";
import { startTestApp, type TestApp } from "../helpers/test-app.js";

const ADMIN = "U0ROTADMIN";
const MARKETER = "U0ROTMKT01";
const ANN = "U0ROTANN01";
const BOB = "U0ROTBOB01";
const CAT = "U0ROTCAT01";

interface Member {
  userId: string;
  weight?: number;
  cap?: number;
}

/** Saves the Rotation settings the way an admin does, through the settings modal. */
async function configureRotation(app: TestApp, teamId: string, members: Member[], options: { enabled?: boolean; reassign?: boolean } = {}) {
  const values: Record<string, Record<string, unknown>> = {
    switches: { value: input.checkboxes([...(options.enabled === false ? [] : ["enabled"]), ...(options.reassign ? ["reassign"] : [])]) },
    members: { rotation_members: input.users(members.map((m) => m.userId)) },
  };
  for (const m of members) {
    values[`weight:${m.userId}`] = { value: { type: "number_input", value: m.weight === undefined ? null : String(m.weight) } };
    values[`cap:${m.userId}`] = { value: { type: "number_input", value: m.cap === undefined ? null : String(m.cap) } };
  }
  const reply = await app.requests.viewSubmission({ callbackId: "settings_rotation", values }, { teamId, userId: ADMIN });
  expect(reply.body).toBe("");
}

let counter = 0;
/** Logs and hands off a new lead; returns who the rotation picked (null: nobody). */
async function nextPick(app: TestApp, teamId: string): Promise<string | null> {
  counter += 1;
  const lead = await logLead(app, { email: `lead${counter}@rotation.io` }, { teamId, userId: MARKETER });
  const handoff = await handOff(app, lead.id, { teamId, userId: MARKETER });
  if (!handoff) throw new Error("no handoff");
  return handoff.assigneeId;
}

async function picks(app: TestApp, teamId: string, n: number): Promise<(string | null)[]> {
  const result: (string | null)[] = [];
  for (let i = 0; i < n; i++) result.push(await nextPick(app, teamId));
  return result;
}

describe("smooth weighted round-robin", () => {
  it("interleaves picks in proportion to the weights", () => {
    let state = [
      { id: "a", weight: 2, currentWeight: 0, eligible: true },
      { id: "b", weight: 1, currentWeight: 0, eligible: true },
    ];
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      const pick = pickNext(state);
      if (!pick) throw new Error("no pick");
      order.push(pick.id);
      state = state.map((c) => ({ ...c, currentWeight: pick.weights.get(c.id) ?? c.currentWeight }));
    }
    expect(order).toEqual(["a", "b", "a", "a", "b", "a"]);
  });

  it("skips ineligible candidates without touching their state, and picks nobody when none is eligible", () => {
    const pick = pickNext([
      { id: "a", weight: 1, currentWeight: 5, eligible: false },
      { id: "b", weight: 1, currentWeight: 0, eligible: true },
    ]);
    expect(pick?.id).toBe("b");
    expect(pick?.weights.has("a")).toBe(false);
    expect(pickNext([{ id: "a", weight: 1, currentWeight: 0, eligible: false }])).toBeUndefined();
  });
});

describe("the lead rotation", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    app.slack.setUser({ id: ADMIN, is_admin: true });
  });
  afterAll(async () => {
    await app.stop();
  });

  it("pre-assigns handoffs by weight, mentions the rep on the card and DMs them", async () => {
    const team = "T0ROTWGT01";
    await configureRotation(app, team, [{ userId: ANN, weight: 2 }, { userId: BOB }]);
    app.slack.reset();
    expect(await picks(app, team, 6)).toEqual([ANN, BOB, ANN, ANN, BOB, ANN]);
    const last = await app.db.handoff.findFirstOrThrow({ where: { teamId: team }, orderBy: { createdAt: "desc" } });
    expect(textOf(cardPost(app, last.id))).toContain(`Assigned to <@${ANN}>`);
    await waitUntil(() => dmsTo(app, ANN).length === 4);
    expect(textOf(dmsTo(app, ANN)[0])).toContain("The lead rotation picked you");
    const assigned = await app.db.leadEvent.findFirstOrThrow({ where: { teamId: team, type: "assigned" } });
    expect(assigned).toMatchObject({ actorId: "system", reason: ANN });
  });

  it("stops giving a rep leads at their daily cap, and starts again the next day", async () => {
    const team = "T0ROTCAP01";
    await configureRotation(app, team, [{ userId: ANN, cap: 1 }, { userId: BOB }]);
    expect(await picks(app, team, 4)).toEqual([ANN, BOB, BOB, BOB]);
    app.clock.set("2026-11-24T09:00:00Z");
    try {
      // A new day (in the rep's zone) resets the count: Ann gets leads again, in turn with Bob.
      expect((await picks(app, team, 2)).sort()).toEqual([ANN, BOB].sort());
      expect(await picks(app, team, 1)).toEqual([BOB]);
    } finally {
      app.clock.set("2026-11-23T09:00:00Z");
    }
  });

  it("skips a rep who marked themselves away (/baton away) until they are back (/baton back or the App Home)", async () => {
    const team = "T0ROTAWAY1";
    await configureRotation(app, team, [{ userId: ANN }, { userId: BOB }]);
    await app.requests.command("/baton", "away", { teamId: team, userId: ANN });
    const said = await app.slack.waitForResponse((r) => String(r.body.text).includes("marked away"));
    expect(said.body.response_type).toBe("ephemeral");
    expect(await picks(app, team, 3)).toEqual([BOB, BOB, BOB]);
    await app.requests.command("/baton", "back", { teamId: team, userId: ANN });
    await app.slack.waitForResponse((r) => String(r.body.text).includes("Welcome back"));
    expect(await picks(app, team, 2)).toEqual([ANN, BOB]);

    // The App Home toggle does the same, and republishes the Home.
    app.slack.reset();
    await app.requests.blockAction(
      { actionId: "home_availability", value: "away", view: { id: "VHOME00001", type: "home", callback_id: "" } },
      { teamId: team, userId: BOB },
    );
    const home = await app.slack.waitFor("views.publish", (c) => c.args.user_id === BOB);
    expect(JSON.stringify(home.args.view.blocks)).toContain("You are *away*");
    expect(await picks(app, team, 2)).toEqual([ANN, ANN]);
  });

  it("tells someone outside the rotation that away changes nothing", async () => {
    await app.requests.command("/baton", "away", { teamId: "T0ROTAWAY1", userId: CAT });
    const said = await app.slack.waitForResponse((r) => String(r.body.text).includes("not in the lead rotation"));
    expect(said.body.response_type).toBe("ephemeral");
  });

  it("gives leads only to reps inside their working hours, in their own time zone", async () => {
    const team = "T0ROTTZ001";
    app.slack.setUser({ id: "U0ROTLA001", tz: "America/Los_Angeles" });
    app.slack.setUser({ id: "U0ROTLDN01", tz: "Europe/London" });
    await configureRotation(app, team, [{ userId: "U0ROTLA001" }, { userId: "U0ROTLDN01" }]);
    try {
      // Monday 09:00 UTC: 09:00 in London, 01:00 in Los Angeles.
      expect(await picks(app, team, 2)).toEqual(["U0ROTLDN01", "U0ROTLDN01"]);
      // 17:30 UTC: London has gone home, Los Angeles is at work (09:30).
      app.clock.set("2026-11-23T17:30:00Z");
      expect(await picks(app, team, 2)).toEqual(["U0ROTLA001", "U0ROTLA001"]);
      // 03:00 UTC Tuesday: nobody is at work, so the handoff waits for anyone on the team.
      app.clock.set("2026-11-24T03:00:00Z");
      expect(await picks(app, team, 1)).toEqual([null]);
      const last = await app.db.handoff.findFirstOrThrow({ where: { teamId: team }, orderBy: { createdAt: "desc" } });
      expect(textOf(cardPost(app, last.id))).toContain("Waiting for a rep");
      // A zone set on the member wins over the Slack profile.
      await app.db.rotationMember.updateMany({ where: { teamId: team, userId: "U0ROTLA001" }, data: { timezone: "Asia/Tokyo" } });
      expect(await picks(app, team, 1)).toEqual(["U0ROTLA001"]); // 12:00 in Tokyo
    } finally {
      app.clock.set("2026-11-23T09:00:00Z");
    }
  });

  it("assigns nobody while the rotation is switched off", async () => {
    const team = "T0ROTOFF01";
    await configureRotation(app, team, [{ userId: ANN }], { enabled: false });
    expect(await picks(app, team, 2)).toEqual([null, null]);
  });
});

describe("rotation fairness across restarts and replicas", () => {
  let owner: TestApp;
  beforeAll(async () => {
    owner = await startTestApp();
    owner.slack.setUser({ id: ADMIN, is_admin: true });
  });
  afterAll(async () => {
    await owner.stop();
  });

  it("continues the same order after the instance that made the last picks is replaced", async () => {
    const team = "T0ROTRST01";
    const first = await startTestApp({ databaseUrl: owner.databaseUrl, slack: owner.slack, clock: owner.clock });
    await configureRotation(first, team, [{ userId: ANN, weight: 2 }, { userId: BOB }]);
    const before = await picks(first, team, 2);
    await first.stop();
    const second = await startTestApp({ databaseUrl: owner.databaseUrl, slack: owner.slack, clock: owner.clock });
    try {
      const after = await picks(second, team, 4);
      expect([...before, ...after]).toEqual([ANN, BOB, ANN, ANN, BOB, ANN]);
    } finally {
      await second.stop();
    }
  });

  it("spreads handoffs made at the same moment on several replicas evenly", async () => {
    const team = "T0ROTCONC1";
    const replicas = [owner, ...(await startReplicas(owner, 2))];
    try {
      await configureRotation(owner, team, [{ userId: ANN }, { userId: BOB }, { userId: CAT }]);
      const leads = [];
      for (let i = 0; i < 9; i++) leads.push(await logLead(owner, { email: `conc${i}@rotation.io` }, { teamId: team, userId: MARKETER }));
      await Promise.all(
        leads.map((lead, i) =>
          (replicas[i % replicas.length] as TestApp).requests.blockAction(
            { actionId: "lead_hand_off", value: lead.id },
            { teamId: team, userId: MARKETER },
          ),
        ),
      );
      await waitUntil(async () => (await owner.db.handoff.count({ where: { teamId: team, messageTs: { not: null } } })) === 9);
      const handoffs = await owner.db.handoff.findMany({ where: { teamId: team } });
      const counts = Object.fromEntries([ANN, BOB, CAT].map((rep) => [rep, handoffs.filter((h) => h.assigneeId === rep).length]));
      expect(counts).toEqual({ [ANN]: 3, [BOB]: 3, [CAT]: 3 });
    } finally {
      for (const replica of replicas.slice(1)) await replica.stop();
    }
  });
});

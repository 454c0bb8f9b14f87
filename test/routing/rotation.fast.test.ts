// The rep rotation through the domain's use cases on a real database: who each handoff is pre-assigned to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";

const ADMIN = "U0ROTADMIN";
const ANN = "U0ROTANN01";
const BOB = "U0ROTBOB01";
const CAT = "U0ROTCAT01";

interface Member {
  userId: string;
  weight?: number;
  dailyCap?: number;
}

describe("the rotation picks the next rep", () => {
  let t: TestServices;
  let leads = 0;
  beforeAll(async () => {
    t = await servicesOnFreshDatabase();
  });
  afterAll(() => t.dispose());

  async function rotation(team: string, members: Member[]) {
    await t.workspace(team);
    t.directory.addAdmins(team, ADMIN);
    await t.services.rotation.save(team, ADMIN, { enabled: true, reassignOnBreach: false, members });
  }

  /** Who the next n handoffs of the workspace are pre-assigned to, and told by DM. */
  async function picks(team: string, n: number): Promise<(string | null)[]> {
    const assignees: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      leads += 1;
      const lead = await t.logLead(team, { email: `lead${leads}@rotation.io` });
      assignees.push((await t.services.handoffs.handOff(team, lead.id, "U0ROTMKT01")).card.assigneeId);
    }
    return assignees;
  }

  it("interleaves reps in proportion to their weights, and tells each by DM that the handoff is theirs", async () => {
    const team = "T0FROTA001";
    await rotation(team, [{ userId: ANN, weight: 2 }, { userId: BOB }]);
    t.resetFakes();
    expect(await picks(team, 6)).toEqual([ANN, BOB, ANN, ANN, BOB, ANN]);
    expect(t.handoffNotifier.argsOf("assigned").map(([card, by]) => [card.assigneeId, by.kind])).toEqual(
      [ANN, BOB, ANN, ANN, BOB, ANN].map((rep) => [rep, "rotation"]),
    );
  });

  it("skips a rep who is away and one at their daily cap, and assigns nobody when no one is left", async () => {
    const team = "T0FROTA002";
    await rotation(team, [{ userId: ANN, dailyCap: 1 }, { userId: BOB }, { userId: CAT }]);
    expect(await t.services.rotation.setAway(team, BOB, true)).toBe(true);
    expect(await picks(team, 3)).toEqual([ANN, CAT, CAT]);
    await t.services.rotation.setAway(team, CAT, true);
    expect(await picks(team, 1)).toEqual([null]);
  });

  it("skips a rep outside their working hours in their own time zone", async () => {
    const team = "T0FROTA003";
    await rotation(team, [{ userId: ANN }, { userId: BOB }]);
    // 09:00 UTC on a Monday is 01:00 in Los Angeles: Bob has not started yet.
    t.directory.setTimezone(team, BOB, "America/Los_Angeles");
    expect(await picks(team, 2)).toEqual([ANN, ANN]);
  });

  it("lets only admins change the rotation, and explains a bad weight on that rep's row", async () => {
    const team = "T0FROTA004";
    await t.workspace(team);
    t.directory.addAdmins(team, ADMIN);
    const settings = { enabled: true, reassignOnBreach: false, members: [{ userId: ANN }] };
    await expect(t.services.rotation.save(team, ANN, settings)).rejects.toMatchObject({ code: "forbidden" });
    await expect(t.services.rotation.save(team, ADMIN, { ...settings, members: [{ userId: ANN, weight: 11 }] })).rejects.toMatchObject({
      code: "invalid_input",
      fields: { [`weight:${ANN}`]: "A weight is at most 10." },
    });
    expect(await t.services.rotation.settings(team)).toEqual({ enabled: false, reassignOnBreach: false, members: [] });
  });
});

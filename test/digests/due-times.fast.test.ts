// Each schedule's next due time (nextRunAt): computed in its own time zone when saved and after each run, filled
// in for rows written without one, and the only thing the scheduler's tick reads to find work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestClock } from "../helpers/clock.js";
import { RecordingDigestPublisher } from "../helpers/fakes/digest-publisher.js";
import { servicesOnFreshDatabase, type TestServices } from "../helpers/services.js";
import { runsOf, schedule } from "./digest-helpers.js";

const ADMIN = "U0DUEADMN1";
const weeklyAt = (timezone: string, channelId: string, time = "09:00") => ({
  channelId,
  period: "weekly",
  weekday: 1,
  time,
  timezone,
  view: "sales",
  sections: ["funnel"],
  skipEmpty: false,
});

describe("due times of digest schedules", () => {
  let t: TestServices;
  const clock = new TestClock("2026-10-23T12:00:00Z");
  beforeAll(async () => {
    t = await servicesOnFreshDatabase({ clock });
  });
  afterAll(() => t.dispose());
  const nextRunAt = async (id: string) => (await t.db.digestSchedule.findUniqueOrThrow({ where: { id } })).nextRunAt?.toISOString();

  it("sets the next time in the schedule's own zone when it is saved, and again when it is edited across a DST change", async () => {
    const team = "T0DUE00001";
    await t.workspace(team);
    // Friday 23 October: New York is on daylight time (UTC-4) until 1 November.
    const saved = await t.services.digestSchedules.save(team, ADMIN, null, weeklyAt("America/New_York", "C0DUENY001"));
    expect(await nextRunAt(saved.id)).toBe("2026-10-26T13:00:00.000Z");
    // Tuesday 27 October, edited to Berlin, whose summer time ended on 25 October (UTC+1 now).
    clock.set("2026-10-27T12:00:00Z");
    await t.services.digestSchedules.save(team, ADMIN, saved.id, weeklyAt("Europe/Berlin", "C0DUENY001"));
    expect(await nextRunAt(saved.id)).toBe("2026-11-02T08:00:00.000Z");
    // Back to New York: Monday 2 November 09:00 is now standard time (UTC-5).
    await t.services.digestSchedules.save(team, ADMIN, saved.id, weeklyAt("America/New_York", "C0DUENY001"));
    expect(await nextRunAt(saved.id)).toBe("2026-11-02T14:00:00.000Z");
  });

  it("runs nothing before the due time, posts at it, and then moves to the next slot", async () => {
    const team = "T0DUE00002";
    await t.workspace(team);
    clock.set("2026-11-02T13:59:00Z");
    const saved = await t.services.digestSchedules.save(team, ADMIN, null, weeklyAt("America/New_York", "C0DUENY002"));
    expect(await nextRunAt(saved.id)).toBe("2026-11-02T14:00:00.000Z");
    await t.services.digestRuns.runDue(4);
    expect(t.digestPublisher.postsIn("C0DUENY002")).toHaveLength(0);
    clock.set("2026-11-02T14:00:05Z");
    await t.services.digestRuns.runDue(4);
    await t.services.digestRuns.runDue(4);
    expect(t.digestPublisher.postsIn("C0DUENY002")).toHaveLength(1);
    expect(await runsOf(t.db, saved.id)).toMatchObject([{ scheduledFor: new Date("2026-11-02T14:00:00Z"), status: "done" }]);
    expect(await nextRunAt(saved.id)).toBe("2026-11-09T14:00:00.000Z");
  });

  it("gives a schedule written without a due time its first slot after it was made, and leaves an admin's change time alone", async () => {
    clock.set("2026-11-04T10:00:00Z");
    const id = await schedule(t.db, {
      teamId: "T0DUE00003",
      channelId: "C0DUEFILL01",
      cron: "30 7 * * *",
      period: "daily",
      timezone: "Europe/Berlin",
      createdAt: "2026-11-04T09:00:00Z",
    });
    await t.services.digestRuns.runDue(4);
    expect(await nextRunAt(id)).toBe("2026-11-05T06:30:00.000Z");
    expect((await t.db.digestSchedule.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString()).toBe("2026-11-04T09:00:00.000Z");
  });

  it("retries a run Slack refused for now at the next tick after a short wait, not a week later", async () => {
    const team = "T0DUE00004";
    await t.workspace(team);
    clock.set("2026-11-08T12:00:00Z");
    const saved = await t.services.digestSchedules.save(team, ADMIN, null, weeklyAt("America/New_York", "C0DUENY004", "10:15"));
    // The other workspaces' digests of the morning go first: the failure below is this schedule's own.
    clock.set("2026-11-09T15:14:00Z");
    await t.services.digestRuns.runDue(4);
    t.digestPublisher.failNext("postDigest", new Error("An API error occurred: ratelimited"));
    clock.set("2026-11-09T15:15:05Z");
    await t.services.digestRuns.runDue(4);
    expect(t.digestPublisher.postsIn("C0DUENY004")).toHaveLength(0);
    expect(await nextRunAt(saved.id)).toBe("2026-11-09T15:15:35.000Z");
    clock.set("2026-11-09T15:15:40Z");
    await t.services.digestRuns.runDue(4);
    expect(t.digestPublisher.postsIn("C0DUENY004")).toHaveLength(1);
    expect(await nextRunAt(saved.id)).toBe("2026-11-16T15:15:00.000Z");
  });
});

/** Holds every post until `open()`: runs under way stay under way while the test stops the tick. */
class GatedPublisher extends RecordingDigestPublisher {
  private opened!: () => void;
  private readonly gate = new Promise<void>((resolve) => {
    this.opened = resolve;
  });
  waiting = 0;

  override async postDigest(input: Parameters<RecordingDigestPublisher["postDigest"]>[0]) {
    this.waiting += 1;
    await this.gate;
    return super.postDigest(input);
  }

  open(): void {
    this.opened();
  }
}

describe("stopping the digest tick", () => {
  let t: TestServices;
  const clock = new TestClock("2026-11-23T14:00:10Z");
  const publisher = new GatedPublisher();
  beforeAll(async () => {
    t = await servicesOnFreshDatabase({ clock, digestPublisher: publisher });
  });
  afterAll(() => t.dispose());

  it("claims nothing more once stopping, finishes what it started, and leaves the rest due for the other replicas", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push(
        await schedule(t.db, {
          teamId: `T0DUESTOP${i}`,
          channelId: `C0DUESTOP${i}`,
          sections: ["funnel"],
          createdAt: "2026-11-22T00:00:00Z",
        }),
      );
    }
    const stopping = new AbortController();
    const ticking = t.services.digestRuns.runDue(2, stopping.signal);
    await expect.poll(() => publisher.waiting).toBe(2);
    stopping.abort();
    publisher.open();
    expect(await ticking).toBe(2);
    const posted = ids.filter((_, i) => publisher.postsIn(`C0DUESTOP${i}`).length === 1);
    expect(posted).toHaveLength(2);
    const rest = await t.db.digestSchedule.findMany({ where: { id: { in: ids.filter((id) => !posted.includes(id)) } } });
    expect(rest.map((row) => row.nextRunAt?.toISOString())).toEqual(["2026-11-23T14:00:00.000Z", "2026-11-23T14:00:00.000Z"]);
    // Another replica's tick (or this one's next life) posts the rest, and nothing twice.
    await t.services.digestRuns.runDue(2);
    for (let i = 0; i < 4; i++) expect(publisher.postsIn(`C0DUESTOP${i}`)).toHaveLength(1);
  });
});

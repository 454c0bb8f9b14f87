import type { Db } from "../../src/db/client.js";
import { FunnelData } from "../funnel/fixtures.js";
import type { SlackStandIn } from "../helpers/slack-stand-in.js";

export interface ScheduleSpec {
  teamId: string;
  channelId: string;
  view?: "sales" | "marketing" | "shared";
  cron?: string;
  period?: "daily" | "weekly" | "monthly";
  timezone?: string;
  skipEmpty?: boolean;
  sections?: string[];
  createdById?: string;
  /** When it was saved: slots before this are not its own (default: 2026-11-01). */
  createdAt?: string;
}

/** A schedule as an admin would have saved it, created well before the slots the tests use. */
export async function schedule(db: Db, spec: ScheduleSpec): Promise<string> {
  const created = new Date(spec.createdAt ?? "2026-11-01T00:00:00Z");
  await db.workspace.upsert({
    where: { teamId: spec.teamId },
    create: { teamId: spec.teamId, timezone: spec.timezone ?? "America/New_York" },
    update: {},
  });
  const row = await db.digestSchedule.create({
    data: {
      teamId: spec.teamId,
      channelId: spec.channelId,
      period: spec.period ?? "weekly",
      cron: spec.cron ?? "0 9 * * 1",
      timezone: spec.timezone ?? "America/New_York",
      view: spec.view ?? "shared",
      skipEmpty: spec.skipEmpty ?? false,
      ...(spec.sections ? { sections: spec.sections } : {}),
      createdById: spec.createdById ?? "U0ADMIN001",
      createdAt: created,
      updatedAt: created,
    },
  });
  return row.id;
}

/** Messages Slack accepted in a channel (failed calls are not there). */
export const postsIn = (slack: SlackStandIn, channel: string) => slack.history.get(channel) ?? [];

export const runIdOf = (message: { metadata?: unknown }) =>
  (message.metadata as { event_payload?: { run_id?: string } } | undefined)?.event_payload?.run_id;

export function runsOf(db: Db, scheduleId: string) {
  return db.jobRun.findMany({
    where: { scheduleId },
    orderBy: { scheduledFor: "asc" },
    include: { deliveries: { orderBy: { target: "asc" } } },
  });
}

/** The file ids of the image blocks in the digests Slack accepted in a channel, one per message that shows its chart. */
export const chartsIn = (slack: SlackStandIn, channel: string) =>
  postsIn(slack, channel).flatMap((post) =>
    ((post.blocks ?? []) as { type: string; slack_file?: { id: string } }[])
      .filter((block) => block.type === "image")
      .map((block) => block.slack_file?.id ?? ""),
  );

/** Chart PNGs Baton uploaded privately (no channel: a digest shows them as an image block), by file id. */
export function privateUploads(slack: SlackStandIn): Map<string, Buffer> {
  const uploads = new Map<string, Buffer>();
  for (const call of slack.callsOf("files.completeUploadExternal")) {
    if (call.args.channel_id) continue;
    for (const file of (call.args.files ?? []) as { id: string }[]) {
      const bytes = slack.uploads.get(file.id);
      if (bytes) uploads.set(file.id, bytes);
    }
  }
  return uploads;
}

/** A lead logged in the week of Nov 16, 2026 (New York), so that week's digest is not a quiet one (which has no chart). */
export async function leadInWeekOfNov16(db: Db, teamId: string): Promise<void> {
  await new FunnelData(db, teamId, "America/New_York").lead({ created: "2026-11-18T09:00" });
}

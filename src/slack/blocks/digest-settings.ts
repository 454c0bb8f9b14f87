// /baton settings → Digests: the list of schedules and the editor.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { DIGEST_SECTIONS, DIGEST_VIEWS } from "../../domain/funnel/digest.js";
import { SCHEDULE_PERIODS } from "../../domain/funnel/schedule-input.js";
import type { ScheduleSummary } from "../../domain/funnel/schedules.js";
import { DIGEST_PERIOD_LABELS, DIGEST_SECTION_LABELS, DIGEST_VIEW_LABELS } from "../../domain/labels.js";
import { DIGEST_INPUT, DigestActions, DigestBlocks, DigestViews } from "../ids.js";
import { channelLink, Limits, mrkdwn, plain, truncate } from "./text.js";

const WEEKDAYS = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];

const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;

/** "Mondays at 09:00 (Europe/Berlin)". */
export function whenText(schedule: ScheduleSummary): string {
  const t = schedule.timing;
  const when = !t
    ? `Custom schedule \`${schedule.cron}\``
    : t.period === "daily"
      ? `Daily at ${t.time}`
      : t.period === "weekly"
        ? `${WEEKDAYS[(t.weekday ?? 1) - 1]} at ${t.time}`
        : `Monthly on the ${t.dayOfMonth === "last" ? "last day" : ordinal(t.dayOfMonth ?? 1)} at ${t.time}`;
  return `${when} (${schedule.timezone})`;
}

export function scheduleLine(schedule: ScheduleSummary): string {
  const skip = schedule.skipEmpty ? " · skips quiet periods" : "";
  return `${channelLink(schedule.channelId)} · ${schedule.period} · ${whenText(schedule)} · ${DIGEST_VIEW_LABELS[schedule.view].name}${skip}`;
}

export function digestsSummary(schedules: ScheduleSummary[]): string {
  if (schedules.length === 0) return "No digests scheduled.";
  return truncate(schedules.map(scheduleLine).join("\n"), 2800);
}

/** Two blocks per schedule, so at most this many fit in a modal beside the header and Add button. */
const LISTED = 45;

export function digestsListView(schedules: ScheduleSummary[]): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: mrkdwn(
        "Funnel digests posted on a schedule. Each is posted once per scheduled time, whatever happens; one missed while Baton was down is posted late (within a day).",
      ),
    },
  ];
  for (const schedule of schedules.slice(0, LISTED)) {
    blocks.push(
      { type: "section", block_id: `schedule_${schedule.id}`, text: mrkdwn(scheduleLine(schedule)) },
      {
        type: "actions",
        block_id: `schedule_actions_${schedule.id}`,
        elements: [
          { type: "button", action_id: DigestActions.edit, value: schedule.id, text: plain("Edit", Limits.buttonText) },
          {
            type: "button",
            action_id: DigestActions.remove,
            value: schedule.id,
            style: "danger",
            text: plain("Remove", Limits.buttonText),
            confirm: {
              title: plain("Remove this digest?", 100),
              text: plain(`${truncate(whenText(schedule), 200)}: it will no longer be posted.`, 300),
              confirm: plain("Remove", 30),
              deny: plain("Keep it", 30),
            },
          },
        ],
      },
    );
  }
  if (schedules.length > LISTED) blocks.push({ type: "context", elements: [mrkdwn(`…and ${schedules.length - LISTED} more.`)] });
  if (schedules.length === 0) blocks.push({ type: "context", elements: [mrkdwn("No digests scheduled yet.")] });
  blocks.push({
    type: "actions",
    block_id: "digest_add",
    elements: [{ type: "button", action_id: DigestActions.add, style: "primary", text: plain("Add a digest", Limits.buttonText) }],
  });
  return { type: "modal", callback_id: DigestViews.list, title: plain("Digests", Limits.modalTitle), close: plain("Back"), blocks };
}

export interface EditorMetadata {
  scheduleId: string | null;
  /** The list view under the editor, refreshed after a save. */
  listViewId: string | null;
}

const option = (value: string, text: string): PlainTextOption => ({ value, text: plain(text, Limits.optionText) });
const input = (blockId: string, label: string, element: Record<string, unknown>, optional = false, hint?: string): KnownBlock =>
  ({
    type: "input",
    block_id: blockId,
    label: plain(label, 2000),
    optional,
    element: { action_id: DIGEST_INPUT, ...element },
    ...(hint ? { hint: plain(hint, 2000) } : {}),
  }) as KnownBlock;

export function scheduleEditorView(schedule: ScheduleSummary | null, defaults: { timezone: string }, metadata: EditorMetadata): ModalView {
  const t = schedule?.timing ?? null;
  const periods = SCHEDULE_PERIODS.map((p) => option(p, DIGEST_PERIOD_LABELS[p]));
  const weekdays = WEEKDAYS.map((day, i) => option(String(i + 1), day));
  const days = [...Array.from({ length: 28 }, (_, i) => option(String(i + 1), ordinal(i + 1))), option("last", "Last day of the month")];
  const views = DIGEST_VIEWS.map((v) => option(v, DIGEST_VIEW_LABELS[v].stresses));
  const sections = DIGEST_SECTIONS.map((s) => option(s, DIGEST_SECTION_LABELS[s]));
  const chosen = new Set(schedule?.chosenSections ?? []);
  const pick = <T extends PlainTextOption>(options: T[], value: string | undefined) => options.find((o) => o.value === value);
  const period = pick(periods, schedule?.period ?? "weekly");
  const weekday = pick(weekdays, String(t?.weekday ?? 1));
  const day = pick(days, String(t?.dayOfMonth ?? 1));
  const view = pick(views, schedule?.view ?? "shared");
  const blocks: KnownBlock[] = [];
  if (schedule && !t) {
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(`Runs on a custom schedule (\`${schedule.cron}\`, from DIGEST_CRON). Saving replaces it with the period and time below.`),
      ],
    });
  }
  blocks.push(
    input(DigestBlocks.channel, "Channel", {
      type: "conversations_select",
      filter: { include: ["public", "private"], exclude_bot_users: true },
      ...(schedule ? { initial_conversation: schedule.channelId } : {}),
    }),
    input(DigestBlocks.period, "Period", { type: "static_select", options: periods, ...(period ? { initial_option: period } : {}) }),
    input(
      DigestBlocks.weekday,
      "Day of the week (weekly)",
      { type: "static_select", options: weekdays, ...(weekday ? { initial_option: weekday } : {}) },
      true,
    ),
    input(
      DigestBlocks.dayOfMonth,
      "Day of the month (monthly)",
      { type: "static_select", options: days, ...(day ? { initial_option: day } : {}) },
      true,
    ),
    input(DigestBlocks.time, "Time", { type: "timepicker", initial_time: t?.time ?? "09:00" }),
    input(
      DigestBlocks.timezone,
      "Time zone",
      { type: "plain_text_input", initial_value: schedule?.timezone ?? defaults.timezone, max_length: 64 },
      false,
      "An IANA time zone such as Europe/Berlin or America/New_York. Periods are counted in the workspace's time zone.",
    ),
    input(DigestBlocks.view, "Who is it for", { type: "radio_buttons", options: views, ...(view ? { initial_option: view } : {}) }),
    input(
      DigestBlocks.sections,
      "Sections",
      {
        type: "checkboxes",
        options: sections,
        ...(chosen.size > 0 ? { initial_options: sections.filter((o) => chosen.has(o.value ?? "")) } : {}),
      },
      true,
      "Leave all unticked for the view's usual sections.",
    ),
    input(
      DigestBlocks.options,
      "Quiet periods",
      {
        type: "checkboxes",
        options: [option("skip", "Skip the digest when nothing happened in the period")],
        ...(schedule?.skipEmpty ? { initial_options: [option("skip", "Skip the digest when nothing happened in the period")] } : {}),
      },
      true,
    ),
  );
  return {
    type: "modal",
    callback_id: DigestViews.editor,
    private_metadata: JSON.stringify(metadata),
    title: plain(schedule ? "Edit digest" : "Add a digest", Limits.modalTitle),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks,
  };
}

// /baton settings → Digests: the list of schedules and the editor.
import type { KnownBlock, ModalView } from "@slack/types";
import { DIGEST_SECTIONS, DIGEST_VIEWS } from "../../domain/digests/digest.js";
import { SCHEDULE_PERIODS } from "../../domain/digests/schedule-input.js";
import type { ScheduleSummary } from "../../domain/digests/schedule-summary.js";
import { DIGEST_PERIOD_LABELS, DIGEST_SECTION_LABELS, DIGEST_VIEW_LABELS } from "../../domain/labels.js";
import { DigestActions, DigestBlocks, DigestViews, itemBlockId } from "../ids.js";
import { channelInput, checkboxesInput, option, radioInput, selectInput, timeInput } from "./inputs.js";
import { timeZoneInput } from "./pickers.js";
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
      { type: "section", block_id: itemBlockId("schedule", schedule.id), text: mrkdwn(scheduleLine(schedule)) },
      {
        type: "actions",
        block_id: itemBlockId("schedule_actions", schedule.id),
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

const SKIP_EMPTY = option("skip", "Skip the digest when nothing happened in the period");

/** What the editor shows in each field: a schedule's, or what the admin had chosen before the period changed. */
export interface EditorValues {
  channelId: string | null;
  period: string;
  weekday: string;
  dayOfMonth: string;
  time: string;
  timezone: string;
  view: string;
  sections: string[];
  skipEmpty: boolean;
}

export function editorValuesOf(schedule: ScheduleSummary | null, defaults: { timezone: string }): EditorValues {
  const t = schedule?.timing ?? null;
  return {
    channelId: schedule?.channelId ?? null,
    period: schedule?.period ?? "weekly",
    weekday: String(t?.weekday ?? 1),
    dayOfMonth: String(t?.dayOfMonth ?? 1),
    time: t?.time ?? "09:00",
    timezone: schedule?.timezone ?? defaults.timezone,
    view: schedule?.view ?? "shared",
    sections: schedule?.chosenSections ?? [],
    // A new schedule skips quiet periods unless the admin unticks it; a saved one shows its own setting.
    skipEmpty: schedule?.skipEmpty ?? true,
  };
}

/** The day field the period uses, and only that one: weekly asks for a weekday, monthly for a day of the month. */
function dayBlocks(values: EditorValues): KnownBlock[] {
  if (values.period === "weekly") {
    return [
      selectInput(DigestBlocks.weekday, {
        label: "Day of the week",
        options: WEEKDAYS.map((day, i) => option(String(i + 1), day)),
        initial: values.weekday,
      }),
    ];
  }
  if (values.period === "monthly") {
    return [
      selectInput(DigestBlocks.dayOfMonth, {
        label: "Day of the month",
        options: [...Array.from({ length: 28 }, (_, i) => option(String(i + 1), ordinal(i + 1))), option("last", "Last day of the month")],
        initial: values.dayOfMonth,
      }),
    ];
  }
  return [];
}

/**
 * The schedule editor. Changing the period redraws it (dispatch_action) with `values` read from the open editor, so
 * only the day field that period uses is shown and nothing chosen is lost.
 */
export function scheduleEditorView(
  schedule: ScheduleSummary | null,
  defaults: { timezone: string },
  metadata: EditorMetadata,
  values: EditorValues = editorValuesOf(schedule, defaults),
): ModalView {
  const blocks: KnownBlock[] = [];
  if (schedule && !schedule.timing) {
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(`Runs on a custom schedule (\`${schedule.cron}\`, from DIGEST_CRON). Saving replaces it with the period and time below.`),
      ],
    });
  }
  blocks.push(
    channelInput(DigestBlocks.channel, { label: "Channel", initial: values.channelId }),
    selectInput(DigestBlocks.period, {
      label: "Period",
      options: SCHEDULE_PERIODS.map((p) => option(p, DIGEST_PERIOD_LABELS[p])),
      initial: values.period,
      actionId: DigestActions.period,
      dispatch: true,
    }),
    ...dayBlocks(values),
    timeInput(DigestBlocks.time, { label: "Time", initial: values.time }),
    timeZoneInput(DigestBlocks.timezone, {
      label: "Time zone",
      initial: values.timezone,
      hint: "Type a city to search the time zones. Periods are counted in the workspace's time zone.",
    }),
    radioInput(DigestBlocks.view, {
      label: "Who is it for",
      options: DIGEST_VIEWS.map((v) => option(v, DIGEST_VIEW_LABELS[v].stresses)),
      initial: values.view,
    }),
    checkboxesInput(DigestBlocks.sections, {
      label: "Sections",
      optional: true,
      options: DIGEST_SECTIONS.map((s) => option(s, DIGEST_SECTION_LABELS[s])),
      initial: values.sections,
      hint: "Leave all unticked for the view's usual sections.",
    }),
    checkboxesInput(DigestBlocks.options, {
      label: "Quiet periods",
      optional: true,
      options: [SKIP_EMPTY],
      initial: values.skipEmpty ? ["skip"] : [],
    }),
  );
  return {
    type: "modal",
    callback_id: DigestViews.editor,
    private_metadata: JSON.stringify(metadata),
    title: plain(metadata.scheduleId ? "Edit digest" : "Add a digest", Limits.modalTitle),
    submit: plain("Save"),
    close: plain("Cancel"),
    blocks,
  };
}

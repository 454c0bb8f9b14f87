// Saving the digest schedule editor: inline errors for bad input (nothing stored), else save and redraw the list.
import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { digestsListView, type EditorMetadata } from "../../blocks/digest-settings.js";
import { messageFor, viewErrorsFor } from "../../errors.js";
import { DIGEST_INPUT, DigestBlocks } from "../../ids.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

type State = Record<string, Record<string, Record<string, unknown>>>;

function readValues(values: State) {
  const element = (block: string) => values[block]?.[DIGEST_INPUT] ?? {};
  const selected = (block: string) => (element(block).selected_option as { value?: string } | null | undefined)?.value;
  const ticked = (block: string) => ((element(block).selected_options as { value: string }[] | undefined) ?? []).map((o) => o.value);
  const period = selected(DigestBlocks.period);
  return {
    channelId: element(DigestBlocks.channel).selected_conversation ?? undefined,
    period,
    weekday: period === "weekly" ? selected(DigestBlocks.weekday) : undefined,
    dayOfMonth: period === "monthly" ? selected(DigestBlocks.dayOfMonth) : undefined,
    time: element(DigestBlocks.time).selected_time ?? undefined,
    timezone: element(DigestBlocks.timezone).value ?? undefined,
    view: selected(DigestBlocks.view),
    sections: ticked(DigestBlocks.sections),
    skipEmpty: ticked(DigestBlocks.options).includes("skip"),
  };
}

function metadataOf(raw: string): EditorMetadata {
  try {
    const parsed = JSON.parse(raw) as Partial<EditorMetadata>;
    return { scheduleId: typeof parsed.scheduleId === "string" ? parsed.scheduleId : null, listViewId: parsed.listViewId ?? null };
  } catch {
    return { scheduleId: null, listViewId: null };
  }
}

export function digestScheduleSubmit(deps: ListenerDeps) {
  return async ({ ack, body, view, client, context }: WithContext<SlackViewMiddlewareArgs<ViewSubmitAction>>) => {
    const teamId = context.teamId;
    if (!(await deps.services.roles.isAdmin(teamId, body.user.id))) {
      await ack({ response_action: "errors", errors: { [DigestBlocks.channel]: "Only Baton admins can change digest schedules." } });
      return;
    }
    const metadata = metadataOf(view.private_metadata);
    try {
      await deps.services.digestSchedules.save(
        teamId,
        body.user.id,
        metadata.scheduleId,
        readValues(view.state.values as unknown as State),
      );
    } catch (error) {
      const errors = viewErrorsFor(error) ?? { [DigestBlocks.channel]: messageFor(error).replace(/^:warning: /, "") };
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    if (metadata.listViewId) {
      await client.views.update({ view_id: metadata.listViewId, view: digestsListView(await deps.services.digestSchedules.list(teamId)) });
    }
  };
}

import type { BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from "@slack/bolt";
import { type EditorMetadata, type EditorValues, scheduleEditorView } from "../../blocks/digest-settings.js";
import { type Form, metadataOf, readForm } from "../../forms.js";
import { DigestBlocks } from "../../ids.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";

/** What the open editor holds, to draw it again; a day field the old period hid starts at its first choice. */
function valuesOf(form: Form, fallbackZone: string): EditorValues {
  return {
    channelId: form.one(DigestBlocks.channel) ?? null,
    period: form.one(DigestBlocks.period) ?? "weekly",
    weekday: form.one(DigestBlocks.weekday) ?? "1",
    dayOfMonth: form.one(DigestBlocks.dayOfMonth) ?? "1",
    time: form.one(DigestBlocks.time) ?? "09:00",
    timezone: form.one(DigestBlocks.timezone) ?? fallbackZone,
    view: form.one(DigestBlocks.view) ?? "shared",
    sections: form.many(DigestBlocks.sections),
    skipEmpty: form.many(DigestBlocks.options).includes("skip"),
  };
}

/**
 * The editor's period changed (dispatch_action): redraw it with the day field of the new period only, keeping every
 * other choice. Nothing is saved, so nobody's role needs checking: Save does that.
 */
export function digestPeriodAction(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: WithContext<SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>>>) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const metadata = metadataOf<EditorMetadata>(view.private_metadata);
    const workspace = await deps.services.funnel.context(context.teamId);
    const values = valuesOf(readForm(view.state.values), workspace.zone);
    const editorMetadata = { scheduleId: metadata.scheduleId ?? null, listViewId: metadata.listViewId ?? null };
    await client.views.update({ view_id: view.id, view: scheduleEditorView(null, { timezone: workspace.zone }, editorMetadata, values) });
  };
}

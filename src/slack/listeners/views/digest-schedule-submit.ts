// Saving the digest schedule editor: inline errors for bad input (nothing stored), else save and redraw the list.
import { AppError } from "../../../lib/errors.js";
import { digestsListView, type EditorMetadata } from "../../blocks/digest-settings.js";
import { type Form, metadataOf, readForm } from "../../forms.js";
import { DigestBlocks } from "../../ids.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** The editor's state as the raw input the domain validates: the day fields only count for their period. */
function scheduleInput(form: Form) {
  const period = form.one(DigestBlocks.period);
  return {
    channelId: form.one(DigestBlocks.channel),
    period,
    weekday: period === "weekly" ? form.one(DigestBlocks.weekday) : undefined,
    dayOfMonth: period === "monthly" ? form.one(DigestBlocks.dayOfMonth) : undefined,
    time: form.one(DigestBlocks.time),
    timezone: form.one(DigestBlocks.timezone),
    view: form.one(DigestBlocks.view),
    sections: form.many(DigestBlocks.sections),
    skipEmpty: form.many(DigestBlocks.options).includes("skip"),
  };
}

export function digestScheduleSubmit(deps: ListenerDeps) {
  return async ({ ack, body, view, client, context }: SubmitArgs) => {
    const { teamId } = context;
    const metadata = metadataOf<EditorMetadata>(view.private_metadata);
    await runSubmission(ack, {
      fallbackBlock: DigestBlocks.channel,
      save: async () => {
        if (!(await deps.services.roles.isAdmin(teamId, body.user.id))) {
          throw new AppError("forbidden", "Only Baton admins can change digest schedules.");
        }
        await deps.services.digestSchedules.save(
          teamId,
          body.user.id,
          metadata.scheduleId ?? null,
          scheduleInput(readForm(view.state.values)),
        );
      },
      afterAck: async () => {
        if (!metadata.listViewId) return;
        await client.views.update({
          view_id: metadata.listViewId,
          view: digestsListView(await deps.services.digestSchedules.list(teamId)),
        });
      },
    });
  };
}

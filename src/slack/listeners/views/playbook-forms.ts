// Submissions of the playbook modals (ICP segment, brand guide, agreement): validated and recorded before the
// ack, so problems show inline; then the modal shows the change while it is announced (and leads regraded).
import type { SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SavedChange } from "../../../domain/playbook/recorded-change.js";
import { playbookSavedView } from "../../blocks/playbook-common.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { publishChange } from "../publish-change.js";
import { metadataString, readFormState, readMetadata } from "./form-state.js";
import { runSubmission } from "./submission.js";

type Args = WithContext<SlackViewMiddlewareArgs<ViewSubmitAction>>;
type Save = (args: Args, values: Record<string, unknown>, metadata: Record<string, unknown>) => Promise<SavedChange>;

function playbookForm(deps: ListenerDeps, firstBlock: string, save: Save) {
  return async (args: Args) => {
    const { ack, view, client, context } = args;
    const values = readFormState(view.state.values).values;
    const saved = await runSubmission(ack, firstBlock, () => save(args, values, readMetadata(view.private_metadata)));
    if (!saved.ok) return;
    await ack({ response_action: "update", view: playbookSavedView(saved.value.change) });
    if (saved.value.change) await publishChange(deps, client, context.teamId, view.id, saved.value.change);
  };
}

export const segmentFormView = (deps: ListenerDeps) =>
  playbookForm(deps, "name", ({ body, context }, values, metadata) =>
    deps.services.playbook.saveSegment(context.teamId, body.user.id, values, {
      ...(metadataString(metadata, "segmentId") ? { segmentId: metadataString(metadata, "segmentId") } : {}),
      version: metadataString(metadata, "version"),
    }),
  );

export const brandGuideFormView = (deps: ListenerDeps) =>
  playbookForm(deps, "positioning", ({ body, context }, values, metadata) =>
    deps.services.playbook.saveBrandGuide(context.teamId, body.user.id, values, metadataString(metadata, "version")),
  );

export const agreementFormView = (deps: ListenerDeps) =>
  playbookForm(deps, "mqlMonthlyTarget", ({ body, context }, values, metadata) =>
    deps.services.playbook.saveAgreement(context.teamId, body.user.id, values, metadataString(metadata, "version")),
  );

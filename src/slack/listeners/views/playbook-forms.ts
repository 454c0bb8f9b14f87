// Submissions of the playbook modals (ICP segment, brand guide, agreement): validated and recorded before the
// ack, so problems show inline; then the modal shows the change while it is announced (and leads regraded).
import type { SavedChange } from "../../../domain/playbook/recorded-change.js";
import { playbookSavedView } from "../../blocks/playbook-common.js";
import { type FormValue, metadataOf, readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { publishChange } from "../publish-change.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** What the playbook modals are opened with: the version edited (and the segment). */
type PlaybookMetadata = { version?: string; segmentId?: string };
type Save = (args: SubmitArgs, values: Record<string, FormValue>, metadata: PlaybookMetadata) => Promise<SavedChange>;

function playbookForm(deps: ListenerDeps, fallbackBlock: string, save: Save) {
  return async (args: SubmitArgs) => {
    const { ack, view, client, context } = args;
    await runSubmission(ack, {
      fallbackBlock,
      save: () => save(args, readForm(view.state.values).values, metadataOf<PlaybookMetadata>(view.private_metadata)),
      confirmation: (saved) => playbookSavedView(saved.change),
      afterAck: async (saved) => {
        if (saved.change) await publishChange(deps, client, context, view.id, saved);
      },
    });
  };
}

export const segmentFormView = (deps: ListenerDeps) =>
  playbookForm(deps, "name", ({ body, context }, values, metadata) =>
    deps.services.playbook.saveSegment(context.teamId, body.user.id, values, {
      ...(metadata.segmentId ? { segmentId: metadata.segmentId } : {}),
      version: metadata.version ?? "",
    }),
  );

export const brandGuideFormView = (deps: ListenerDeps) =>
  playbookForm(deps, "positioning", ({ body, context }, values, metadata) =>
    deps.services.playbook.saveBrandGuide(context.teamId, body.user.id, values, metadata.version ?? ""),
  );

export const agreementFormView = (deps: ListenerDeps) =>
  playbookForm(deps, "mqlMonthlyTarget", ({ body, context }, values, metadata) =>
    deps.services.playbook.saveAgreement(context.teamId, body.user.id, values, metadata.version ?? ""),
  );

import { stageLabel } from "../../../domain/labels.js";
import { dealInputSchema, lostInputSchema, type MoveDetails } from "../../../domain/leads/move-lead.js";
import { isAppError } from "../../../lib/errors.js";
import type { MoveModalMetadata } from "../../blocks/deal-modals.js";
import { leadCardModal, summaryFieldsOf } from "../../blocks/lead-card.js";
import { leadHeadline } from "../../blocks/lead-summary.js";
import { notice } from "../../blocks/notice.js";
import type { ListenerDeps } from "../../context.js";
import { messageFor } from "../../errors.js";
import { metadataOf, textOf, type ViewValues } from "../../forms.js";
import { refreshHome } from "../../home/publish-home.js";
import { tellPerson } from "../../tell.js";
import type { SubmitArgs } from "./types.js";

type Parsed = { ok: true; move: MoveDetails } | { ok: false; errors: Record<string, string> };

function errorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

function parseWon(values: ViewValues): Parsed {
  const result = dealInputSchema.safeParse({ amount: textOf(values, "amount"), currency: textOf(values, "currency") });
  return result.success ? { ok: true, move: { to: "won", ...result.data } } : { ok: false, errors: errorsOf(result.error.issues) };
}

function parseLost(values: ViewValues): Parsed {
  const result = lostInputSchema.safeParse({ reason: textOf(values, "reason") });
  return result.success
    ? { ok: true, move: { to: "lost", reason: result.data.reason } }
    : { ok: false, errors: errorsOf(result.error.issues) };
}

/**
 * Submitting the Won (value and currency) or Lost (reason) modal: validated inline; the move itself is quick, so
 * a refusal (not the owner, moved meanwhile) is also shown inline. Then the card underneath and the App Home update.
 */
export function dealSubmission(deps: ListenerDeps, outcome: "won" | "lost") {
  const firstBlock = outcome === "won" ? "amount" : "reason";
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const values = view.state.values as ViewValues;
    const parsed = outcome === "won" ? parseWon(values) : parseLost(values);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const metadata = metadataOf<MoveModalMetadata>(view.private_metadata);
    const userId = body.user.id;
    let moved: Awaited<ReturnType<typeof deps.services.leads.move>>;
    try {
      moved = await deps.services.leads.move(context.teamId, metadata.leadId ?? "", userId, parsed.move);
    } catch (error) {
      await ack({ response_action: "errors", errors: { [firstBlock]: messageFor(error) } });
      if (!isAppError(error)) throw error;
      return;
    }
    await ack();
    if (metadata.cardViewId) {
      const card = leadCardModal(await deps.services.leads.view(context.teamId, moved.id), userId);
      await client.views.update({ view_id: metadata.cardViewId, view: card }).catch(() => undefined);
    } else if (metadata.channelId) {
      await tellPerson(
        client,
        userId,
        metadata.channelId,
        notice(`Moved ${leadHeadline(summaryFieldsOf(moved))} to ${stageLabel(moved.stage)}.`),
      );
    }
    await refreshHome(deps, client, context.teamId, userId);
  };
}

// A replayed interaction (the same signed body sent again within its five minutes) has its effect once: the first
// delivery claims the interaction in the database, on whichever replica it lands. ARCHITECTURE.md says why each key.
import { createHash } from "node:crypto";
import type { AckFn, AnyMiddlewareArgs, Middleware, ViewResponseAction } from "@slack/bolt";
import type { BatonContext, ListenerDeps, SubmissionClaim } from "./listener-deps.js";

interface InteractionBody {
  type?: string;
  command?: string;
  trigger_id?: string;
  callback_id?: string;
  user?: { id?: string };
  actions?: { action_id?: string; block_id?: string; action_ts?: string }[];
  container?: { message_ts?: string; view_id?: string };
  view?: { id?: string; hash?: string; state?: { values?: unknown } };
}

export interface InteractionIdentity {
  /** "command", "block_actions", "view_submission", "shortcut": a metrics label. */
  kind: string;
  /** What tells this interaction from every other one of the workspace (hashed: bounded, nothing readable). */
  id: string;
}

/**
 * Which interaction a request is, for the kinds that change something; undefined for those that change nothing
 * (options loads, closed views) and for events (oncePerEvent claims those).
 */
export function interactionOf(body: unknown): InteractionIdentity | undefined {
  const b = body as InteractionBody;
  if (b.command) return identity("command", b.trigger_id);
  if (b.type === "view_submission") {
    return identity("view_submission", b.view?.id, b.view?.hash, JSON.stringify(b.view?.state?.values ?? null));
  }
  if (b.type === "shortcut" || b.type === "message_action") return identity("shortcut", b.trigger_id);
  if (b.type === "block_actions") {
    const container = b.container?.message_ts ?? b.container?.view_id;
    const actions = (b.actions ?? []).flatMap((a) => [a.action_id, a.block_id, a.action_ts]);
    if (!b.actions?.length || b.actions.some((a) => !a.action_ts)) return identity("block_actions", b.trigger_id);
    return identity("block_actions", b.user?.id, container, ...actions);
  }
  return undefined;
}

function identity(kind: string, ...parts: (string | undefined)[]): InteractionIdentity | undefined {
  const [first] = parts;
  if (!first) return undefined;
  const digest = createHash("sha256")
    .update(parts.map((part) => part ?? "").join("\n"))
    .digest("hex");
  return { kind, id: `${kind}:${digest}` };
}

type Args = AnyMiddlewareArgs & { context: Partial<BatonContext>; next: () => Promise<void> };

/** Refuses an interaction already delivered (a replay), on any replica; registered after requestContext. */
export function oncePerInteraction(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args as Args;
    const interaction = interactionOf(body);
    const teamId = context.teamId;
    if (!interaction || !teamId) return next();
    const interactions = deps.services.slackInteractions;
    if (!(await interactions.firstDelivery(teamId, interaction.id))) return refuseReplay(args as Args, deps, interaction.kind);
    if (interaction.kind !== "view_submission") return next();
    const log = context.log ?? deps.logger;
    const claim = new Submission(() =>
      interactions.forget(teamId, interaction.id).catch((error: unknown) => {
        log.error({ err: error }, "could not release a refused submission: sending the same form again will be taken for a replay");
      }),
    );
    context.submission = claim;
    try {
      await next();
    } catch (error) {
      // Failed before the form was accepted: nothing was saved, so the person must be able to send it again.
      if (!claim.accepted) await claim.release();
      throw error;
    }
  };
}

/**
 * A submission keeps its claim once its modal is answered with anything but errors; a submission sent back with
 * errors saved nothing, so its claim is released before the person sees them and can send the form again.
 */
class Submission implements SubmissionClaim {
  accepted = false;
  constructor(readonly release: () => Promise<void>) {}

  async answered(response: ViewResponseAction | undefined): Promise<void> {
    if (response && "response_action" in response && response.response_action === "errors") return this.release();
    this.accepted = true;
  }
}

/** A view listener whose ack tells the submission's claim how the form was answered (see Submission). */
export function claimAnswered<A extends { ack: AckFn<ViewResponseAction>; context: { submission?: SubmissionClaim } }>(
  listener: (args: A) => Promise<void>,
): (args: A) => Promise<void> {
  return (args) =>
    listener({
      ...args,
      ack: async (response?: ViewResponseAction) => {
        await args.context.submission?.answered(response);
        return args.ack(response);
      },
    });
}

/** Answered as Slack expects, with nothing done again: a command hears so; a click, a shortcut or a form an empty ack. */
async function refuseReplay(args: Args, deps: ListenerDeps, kind: string): Promise<void> {
  const { context, body } = args;
  deps.services.metrics.slackInteractionReplays.inc({ kind });
  context.outcome = "replay";
  (context.log ?? deps.logger).debug({ kind }, "refused a replayed interaction");
  const ack = (args as Args & { ack?: (response?: unknown) => Promise<void> }).ack;
  const command = (body as InteractionBody).command;
  if (command)
    return ack?.({ response_type: "ephemeral", text: `Already done: Baton handled this ${command} request once and did nothing again.` });
  await ack?.();
}

// A replayed interaction (the same signed body sent again within its five minutes) has its effect once: the first
// delivery claims the interaction in the database, on whichever replica it lands. ARCHITECTURE.md says why each key.
import { createHash } from "node:crypto";
import type { AckFn, AnyMiddlewareArgs, App, Middleware, ViewResponseAction } from "@slack/bolt";
import { AppError, isUnavailableError } from "../lib/errors.js";
import { messageFor } from "./errors.js";
import type { BatonContext, InteractionClaim, ListenerDeps } from "./listener-deps.js";

interface InteractionBody {
  type?: string;
  command?: string;
  trigger_id?: string;
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
    if (!b.actions?.length || b.actions.some((a) => !a.action_ts)) return identity("block_actions", b.trigger_id);
    const container = b.container?.message_ts ?? b.container?.view_id;
    return identity("block_actions", b.user?.id, container, ...b.actions.flatMap((a) => [a.action_id, a.block_id, a.action_ts]));
  }
  return undefined;
}

function identity(kind: string, ...parts: (string | undefined)[]): InteractionIdentity | undefined {
  if (!parts[0]) return undefined;
  const digest = createHash("sha256")
    .update(parts.map((part) => part ?? "").join("\n"))
    .digest("hex");
  return { kind, id: `${kind}:${digest}` };
}

/** Thrown from a replay's ack: its listener stops there, before doing anything; the middleware counts it. */
class ReplayRefused extends Error {
  constructor() {
    super("replayed interaction");
  }
}

type Args = AnyMiddlewareArgs & {
  context: Partial<BatonContext>;
  next: () => Promise<void>;
  respond?: (message: unknown) => Promise<unknown>;
};

/**
 * Claims each interaction before it has an effect; registered after requestContext. A submission saves before its
 * ack, so its claim is awaited first. Commands, clicks and shortcuts ack at once (Slack's 3 s, even on a slow
 * database) and work after: their claim runs meanwhile and their ack waits for it (`claimsGate`), so a replay is
 * acked as the first was and stops there.
 */
export function oncePerInteraction(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const a = args as Args;
    const interaction = interactionOf(a.body);
    const teamId = a.context.teamId;
    if (!interaction || !teamId) return a.next();
    const claiming = deps.services.slackInteractions.firstDelivery(teamId, interaction.id);
    if (interaction.kind === "view_submission") {
      if (!(await claiming)) return refuseSubmission(a, deps);
      return claimSubmission(a, deps, () => deps.services.slackInteractions.forget(teamId, interaction.id));
    }
    const claim = new AckGate(claiming);
    a.context.interaction = claim;
    try {
      await a.next();
    } catch (error) {
      if (error instanceof ReplayRefused) return countReplay(a, deps, interaction.kind);
      // The claim could not be made (the database is down) after the ack went out: say so where the person looks.
      if (claim.failedWith(error) && isUnavailableError(error)) await tellUnavailable(a);
      throw error;
    }
  };
}

/** Commands, clicks and shortcuts: the listener's ack waits for the claim and, for a replay, throws. */
class AckGate implements InteractionClaim {
  private readonly outcome: Promise<void>;
  private failure: unknown;

  constructor(claiming: Promise<boolean>) {
    this.outcome = claiming.then(
      (first) => {
        if (!first) throw new ReplayRefused();
      },
      (error: unknown) => {
        this.failure = error;
        throw error;
      },
    );
    // Whoever awaits it sees the outcome; a listener that never acks must not leave an unhandled rejection.
    this.outcome.catch(() => undefined);
  }

  async acked(): Promise<void> {
    await this.outcome;
  }

  answered(): Promise<void> {
    return Promise.resolve();
  }

  failedWith(error: unknown): boolean {
    return this.failure !== undefined && this.failure === error;
  }
}

/**
 * A submission keeps its claim once its modal is answered with anything but errors; a submission sent back with
 * errors saved nothing, so its claim is released before the person sees them and can send the same form again.
 */
class SubmissionClaim implements InteractionClaim {
  accepted = false;
  constructor(readonly release: () => Promise<void>) {}

  async acked(): Promise<void> {}

  async answered(response: ViewResponseAction | undefined): Promise<void> {
    if (response && "response_action" in response && response.response_action === "errors") return this.release();
    this.accepted = true;
  }
}

async function claimSubmission(args: Args, deps: ListenerDeps, forget: () => Promise<void>): Promise<void> {
  const log = args.context.log ?? deps.logger;
  const claim = new SubmissionClaim(() =>
    forget().catch((error: unknown) => {
      log.error({ err: error }, "could not release a refused submission: the same form sent again will be taken for a replay");
    }),
  );
  args.context.interaction = claim;
  try {
    await args.next();
  } catch (error) {
    // Failed before the form was accepted: nothing was saved, so the person must be able to send it again.
    if (!claim.accepted) await claim.release();
    throw error;
  }
}

/** A repeat of an accepted submission: an empty ack (the modal closes), nothing saved again. */
async function refuseSubmission(args: Args, deps: ListenerDeps): Promise<void> {
  countReplay(args, deps, "view_submission");
  await (args as Args & { ack: AckFn<void> }).ack();
}

function countReplay(args: Args, deps: ListenerDeps, kind: string): void {
  deps.services.metrics.slackInteractionReplays.inc({ kind });
  args.context.outcome = "replay";
  (args.context.log ?? deps.logger).debug({ kind }, "refused a replayed interaction");
}

async function tellUnavailable(args: Args): Promise<void> {
  args.context.outcome = "unavailable";
  const text = messageFor(new AppError("unavailable", "database unavailable"));
  // Best effort: the failure is rethrown for app.error either way.
  await args.respond?.({ response_type: "ephemeral", replace_original: false, text }).catch(() => undefined);
}

type Listener = (args: never) => Promise<void> | void;
type Registrar = (constraints: unknown, ...listeners: Listener[]) => void;

/**
 * The app as listeners are registered on it, with each listener's ack telling the request's claim what happened:
 * a command's, click's or shortcut's ack waits for the claim (a replay stops there), a submission's releases it when
 * the form is sent back with errors. Every listener registered through it is covered, without each one knowing.
 */
export function claimsGate(app: App): App {
  const wrapped = new Set<PropertyKey>(["command", "action", "shortcut", "view"]);
  return new Proxy(app, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      if (!wrapped.has(property) || typeof original !== "function") return original;
      const register = (original as Registrar).bind(target);
      return (constraints: unknown, ...listeners: Listener[]) => register(constraints, ...listeners.map(withClaimedAck));
    },
  });
}

function withClaimedAck(listener: Listener): Listener {
  return ((args: { ack: (response?: unknown) => Promise<void>; context: { interaction?: InteractionClaim } }) => {
    const claim = args.context.interaction;
    if (!claim) return listener(args as never);
    const ack = async (response?: unknown) => {
      await claim.answered(response as ViewResponseAction | undefined);
      await args.ack(response);
      await claim.acked();
    };
    return listener({ ...args, ack } as never);
  }) as Listener;
}

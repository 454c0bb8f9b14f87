import { randomUUID } from "node:crypto";
import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import { withCorrelation } from "../lib/correlation.js";
import { AppError, isAppError, isUnavailableError } from "../lib/errors.js";
import type { InFlight } from "../lib/in-flight.js";
import { messageFor } from "./errors.js";
import type { ListenerDeps } from "./listener-deps.js";

/** How long the first request from a workspace waits for its row to be created before going on regardless. */
const ENSURE_BUDGET_MS = 1_500;

type Args = AnyMiddlewareArgs & { context: Context; next: () => Promise<void> };

/** Registers each request's whole listener run (including work after its ack) so shutdown can wait for it. */
export function trackInFlight(inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    await inFlight.track(next());
  };
}

/**
 * Gives the request a correlation id (on every log line written on its behalf, through async calls) and counts
 * it: requests by listener and outcome, and how long handling took.
 */
export function observeRequests(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ context, body, next }) => {
    const requestId = typeof context.requestId === "string" ? context.requestId : randomUUID();
    context.requestId = requestId;
    const listener = listenerOf(body);
    await withCorrelation({ requestId }, async () => {
      const stopTimer = deps.services.metrics.slackHandlerSeconds.startTimer({ listener });
      let outcome = "ok";
      try {
        await next();
      } catch (error) {
        outcome = isUnavailableError(error) ? "unavailable" : isAppError(error) ? "refused" : "error";
        throw error;
      } finally {
        stopTimer();
        deps.services.metrics.slackRequests.inc({ listener, outcome: typeof context.outcome === "string" ? context.outcome : outcome });
      }
    });
  };
}

/**
 * Puts a request-scoped logger and the team id on the context and makes sure the workspace exists, without ever
 * keeping Slack waiting: a slow database gets a bounded wait, and an unreachable one gets the person a clear
 * "try again" answer in the ack instead of a timeout.
 */
export function requestContext(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, body, next } = args;
    const teamId = context.teamId ?? teamIdOf(body);
    context.log = deps.logger.child({ teamId, kind: kindOf(body) });
    if (context.databaseUnavailable) return answerUnavailable(args as Args);
    if (context.notInstalled) return answerNotInstalled(args as Args, deps.publicUrl);
    if (context.notServedInOrg) return answerNotEnabledInOrg(args as Args);
    if (teamId && !deps.services.servedTeams.isServed(teamId)) return answerNotServed(args as Args);
    // An org-wide uninstall may name the org where a workspace would be: no workspace row for the org itself.
    if (teamId && teamId !== context.enterpriseId) {
      context.teamId = teamId;
      const enterpriseId = typeof context.enterpriseId === "string" ? context.enterpriseId : undefined;
      try {
        await withinBudget(deps.services.workspaces.ensure(teamId, enterpriseId), ENSURE_BUDGET_MS, context.log);
      } catch (error) {
        if (isUnavailableError(error)) return answerUnavailable(args as Args);
        throw error;
      }
    }
    try {
      await next();
    } catch (error) {
      // A listener that failed on the database before acking: answer for it, so the person is not left with a timeout.
      if (isUnavailableError(error)) {
        // A listener that acked already makes this second ack throw: nothing more to say then, and the failure
        // itself is rethrown below for app.error.
        await acknowledgeUnavailable(args as Args).catch(() => undefined);
      }
      throw error;
    }
  };
}

/** Drops an Events API delivery whose event_id was already processed (Slack's retries), on any replica. */
export function oncePerEvent(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, context, next } = args;
    const b = body as { type?: string; event_id?: string };
    if (b.type !== "event_callback" || !b.event_id) return next();
    if (!(await deps.services.slackEvents.firstDelivery(b.event_id, context.teamId))) {
      deps.services.metrics.slackEventsDeduplicated.inc();
      context.outcome = "duplicate";
      (context.log ?? deps.logger).info({ eventId: b.event_id, retryNum: context.retryNum }, "dropped a repeated event delivery");
      // Bolt leaves a function_executed event (a workflow step) for its listener to ack, which a repeat never
      // reaches: unacked, Slack would deliver it yet again.
      await (args as { ack?: () => Promise<void> }).ack?.();
      return;
    }
    try {
      await next();
    } catch (error) {
      await deps.services.slackEvents.forget(b.event_id).catch((forgetting: unknown) => {
        (context.log ?? deps.logger).error(
          { err: forgetting, eventId: b.event_id },
          "could not forget a failed event: Slack's retry of it will be dropped as a duplicate",
        );
      });
      throw error;
    }
  };
}

async function answerNotInstalled(args: Args, publicUrl: string | undefined): Promise<void> {
  args.context.outcome = "not_installed";
  const where = publicUrl ? ` at ${publicUrl}/slack/install` : "";
  await acknowledgeWith(args, `Baton isn't installed in this workspace (or was removed). A Slack admin can add it${where}.`);
}

/** A workspace of an org that installed Baton org-wide, which the org admin has not chosen: nothing stored for it. */
async function answerNotEnabledInOrg(args: Args): Promise<void> {
  args.context.outcome = "not_enabled";
  const event = (args.body as { event?: { type?: string; user?: string; tab?: string } }).event;
  const client = (args as { client?: { views: { publish(view: unknown): Promise<unknown> } } }).client;
  if (event?.type === "app_home_opened" && event.tab === "home" && event.user && client) {
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: NOT_ENABLED_IN_ORG } }];
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks } });
    return;
  }
  await acknowledgeWith(args, NOT_ENABLED_IN_ORG);
}

export const NOT_ENABLED_IN_ORG =
  "Baton isn't enabled in this workspace. An admin of your Slack org can turn it on in /baton settings → Workspaces, from a workspace where Baton runs.";

/** A signed request from a workspace this Baton does not serve: answered, and nothing stored for it. */
async function answerNotServed(args: Args): Promise<void> {
  args.context.outcome = "not_served";
  (args.context.log as ListenerDeps["logger"] | undefined)?.info("refused a request from a workspace this Baton does not serve");
  await acknowledgeWith(
    args,
    "Baton here works for another Slack workspace, so it can't help in this one. A Slack admin can add Baton to this workspace.",
  );
}

async function answerUnavailable(args: Args): Promise<void> {
  args.context.outcome = "unavailable";
  (args.context.log as ListenerDeps["logger"] | undefined)?.warn("database unavailable: told the person to try again");
  await acknowledgeUnavailable(args);
}

/** Acks with the "try again" message in the shape each kind of request allows; throws if already acked. */
function acknowledgeUnavailable(args: Args): Promise<void> {
  return acknowledgeWith(args, messageFor(new AppError("unavailable", "database unavailable")));
}

async function acknowledgeWith(args: Args, text: string): Promise<void> {
  const a = args as Args & { ack?: (response?: unknown) => Promise<void>; respond?: (message: unknown) => Promise<unknown> };
  const body = args.body as { command?: string; type?: string; view?: { blocks?: { type: string; block_id?: string }[] } };
  if (!a.ack) return; // events: Bolt has acked already
  if (body.command) return a.ack({ response_type: "ephemeral", text });
  if (body.type === "view_submission") {
    const input = body.view?.blocks?.find((block) => block.type === "input" && block.block_id);
    return a.ack(input?.block_id ? { response_action: "errors", errors: { [input.block_id]: text } } : undefined);
  }
  if (body.type === "block_suggestion") return a.ack({ options: [] });
  await a.ack();
  // Best effort: the outcome is already logged and counted; a response_url that fails leaves nothing better to do.
  await a.respond?.({ response_type: "ephemeral", replace_original: false, text }).catch(() => undefined);
}

/** Waits for `work` at most `ms`; if it is still running then, goes on and lets it finish (or fail) in the background. */
async function withinBudget(work: Promise<void>, ms: number, log: ListenerDeps["logger"]): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  try {
    const outcome = await Promise.race([work, late]);
    if (outcome === "late") work.catch((error: unknown) => log.warn({ err: error }, "workspace setup failed after the request went on"));
  } finally {
    clearTimeout(timer);
  }
}

function teamIdOf(body: unknown): string | undefined {
  const b = body as { team_id?: string; team?: { id?: string }; user?: { team_id?: string } };
  return b.team_id ?? b.team?.id ?? b.user?.team_id;
}

function kindOf(body: unknown): string {
  const b = body as { command?: string; type?: string; event?: { type?: string } };
  return b.command ?? b.event?.type ?? b.type ?? "unknown";
}

/**
 * A metrics label naming the listener, never anything a person typed: "command:/lead", "action:<action_id>",
 * "step:<callback_id>" for a Workflow Builder step.
 */
function listenerOf(body: unknown): string {
  const b = body as {
    command?: string;
    type?: string;
    event?: { type?: string; function?: { callback_id?: string } };
    actions?: { action_id?: string }[];
    view?: { callback_id?: string };
    callback_id?: string;
    action_id?: string;
  };
  if (b.command) return `command:${b.command}`;
  if (b.type === "event_callback" && b.event?.type === "function_executed") return `step:${b.event.function?.callback_id ?? "unknown"}`;
  if (b.type === "event_callback") return `event:${b.event?.type ?? "unknown"}`;
  if (b.type === "block_actions") return `action:${b.actions?.[0]?.action_id ?? "unknown"}`;
  if (b.type === "view_submission" || b.type === "view_closed") return `view:${b.view?.callback_id ?? "unknown"}`;
  if (b.type === "shortcut" || b.type === "message_action") return `shortcut:${b.callback_id ?? "unknown"}`;
  if (b.type === "block_suggestion") return `options:${b.action_id ?? "unknown"}`;
  return b.type ?? "unknown";
}

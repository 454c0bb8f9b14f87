import { randomUUID } from "node:crypto";
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { InFlight } from "../lib/in-flight.js";
import type { ListenerDeps } from "./context.js";

/** Registers each request's whole listener run (including work after its ack) so shutdown can wait for it. */
export function trackInFlight(inFlight: InFlight): Middleware<AnyMiddlewareArgs> {
  return async ({ next }) => {
    await inFlight.track(next());
  };
}

/** Puts a correlation id, a request-scoped logger and the team id on the context; makes sure the workspace exists. */
export function requestContext(deps: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ context, body, next }) => {
    const requestId = typeof context.requestId === "string" ? context.requestId : randomUUID();
    const teamId = context.teamId ?? teamIdOf(body);
    context.requestId = requestId;
    context.log = deps.logger.child({ requestId, teamId, kind: kindOf(body) });
    if (teamId) {
      context.teamId = teamId;
      await deps.services.workspaces.ensure(teamId);
    }
    await next();
  };
}

function teamIdOf(body: unknown): string | undefined {
  const b = body as { team_id?: string; team?: { id?: string }; user?: { team_id?: string } };
  return b.team_id ?? b.team?.id ?? b.user?.team_id;
}

function kindOf(body: unknown): string {
  const b = body as { command?: string; type?: string; event?: { type?: string } };
  return b.command ?? b.event?.type ?? b.type ?? "unknown";
}

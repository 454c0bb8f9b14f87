import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BatonContext, ListenerDeps } from "../../listener-deps.js";

type OrgContext = BatonContext & { enterpriseId?: string };

/**
 * An org admin removed Baton from some of the org's workspaces (Slack: team_access_revoked). They stop being served,
 * as workspaces left out in /baton settings → Workspaces are; their data stays.
 */
export function teamAccessRevokedEvent(deps: ListenerDeps) {
  return async ({ event, context }: SlackEventMiddlewareArgs<"team_access_revoked"> & AllMiddlewareArgs<OrgContext>) => {
    if (!context.enterpriseId) return;
    await deps.services.orgWorkspaces.accessRevoked(context.enterpriseId, event.team_ids);
    context.log.info(
      { enterpriseId: context.enterpriseId, workspaces: event.team_ids.length },
      "org access revoked: workspaces no longer served",
    );
  };
}

/** An org admin added Baton to workspaces of the org (team_access_granted): served only as the org admin's choice says. */
export function teamAccessGrantedEvent(deps: ListenerDeps) {
  return async ({ event, context }: SlackEventMiddlewareArgs<"team_access_granted"> & AllMiddlewareArgs<OrgContext>) => {
    if (!context.enterpriseId) return;
    const { served, waiting } = await deps.services.orgWorkspaces.accessGranted(context.enterpriseId, event.team_ids);
    context.log.info(
      { enterpriseId: context.enterpriseId, served: served.length, waitingForChoice: waiting.length },
      "org access granted: workspaces not yet chosen wait for an org admin in /baton settings → Workspaces",
    );
  };
}

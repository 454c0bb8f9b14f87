import { readForm } from "../../forms.js";
import type { ListenerDeps } from "../../listener-deps.js";
import { grantedWorkspaces, isOrgAdmin } from "../../org-directory.js";
import { refreshSettingsHome } from "../../settings/refresh-home.js";
import { runSubmission } from "./submission.js";
import type { SubmitArgs } from "./types.js";

/** Saving "Workspaces": the org's workspaces as Slack lists them now, and only an org admin or owner may choose. */
export function orgWorkspacesSubmission(deps: ListenerDeps) {
  return async ({ ack, body, client, context, view }: SubmitArgs) => {
    const servedIds = readForm(view.state.values).many("workspaces");
    await runSubmission(ack, {
      fallbackBlock: "workspaces",
      save: async () => {
        const enterpriseId = await deps.services.orgWorkspaces.orgOf(context.teamId);
        if (!enterpriseId) return;
        const [granted, actorIsOrgAdmin] = await Promise.all([grantedWorkspaces(client), isOrgAdmin(client, body.user.id)]);
        await deps.services.orgWorkspaces.choose({ enterpriseId, actorId: body.user.id, actorIsOrgAdmin, granted, servedIds });
      },
      afterAck: () => refreshSettingsHome({ client, teamId: context.teamId, userId: body.user.id, deps }, view.previous_view_id),
    });
  };
}

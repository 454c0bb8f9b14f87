import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { BatonContext, ListenerDeps } from "../../listener-deps.js";

/**
 * The app was uninstalled from a workspace: its tokens are deleted, its web-form intake closed, and its data is
 * purged after RETENTION_DAYS_AFTER_UNINSTALL unless it is installed again first.
 */
export function appUninstalledEvent(deps: ListenerDeps) {
  return async ({ context }: SlackEventMiddlewareArgs<"app_uninstalled"> & AllMiddlewareArgs<BatonContext>) => {
    if (context.isEnterpriseInstall && context.enterpriseId) return orgUninstalled(deps, context);
    const deleted = await deps.services.installations.forgetWorkspace(context.teamId);
    await deps.services.workspaces.uninstalled(context.teamId);
    context.log.info({ installations: deleted }, "app uninstalled: tokens deleted, data to be purged after the retention period");
  };
}

/** Tokens were revoked: a revoked bot token means Baton can no longer act there, so the installation goes. */
export function tokensRevokedEvent(deps: ListenerDeps) {
  return async ({ event, context }: SlackEventMiddlewareArgs<"tokens_revoked"> & AllMiddlewareArgs<BatonContext>) => {
    const bots = event.tokens.bot ?? [];
    const users = event.tokens.oauth ?? [];
    if (bots.length > 0 && context.isEnterpriseInstall && context.enterpriseId) {
      await orgUninstalled(deps, context);
    } else if (bots.length > 0) {
      const deleted = await deps.services.installations.forgetWorkspace(context.teamId);
      context.log.info({ installations: deleted }, "bot token revoked: tokens deleted");
    } else if (users.length > 0) {
      await deps.services.installations.forgetUserTokens(context.teamId, users);
      context.log.info({ users: users.length }, "user tokens revoked");
    }
  };
}

/**
 * An org-wide installation went: the org's token is deleted, and each workspace it served is uninstalled as it would
 * be on its own (its web-form intake closed, its data purged after the retention period).
 */
async function orgUninstalled(deps: ListenerDeps, context: BatonContext & { enterpriseId?: string }): Promise<void> {
  const enterpriseId = context.enterpriseId ?? "";
  const deleted = await deps.services.installations.forgetEnterprise(enterpriseId);
  const teamIds = await deps.services.workspaces.orgUninstalled(enterpriseId);
  for (const teamId of teamIds) await deps.services.installations.forgetWorkspace(teamId);
  context.log.info({ enterpriseId, installations: deleted, workspaces: teamIds.length }, "org-wide install removed: tokens deleted");
}

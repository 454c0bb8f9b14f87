import type { IntakeAnswer } from "./idempotency.js";

/**
 * A correctly signed lead for a workspace Baton does not serve (a workspace of an Enterprise Grid org that is not
 * chosen, or whose access Slack revoked) or no longer serves (uninstalled): refused, nothing stored. Retrying does
 * not help, so it is a 403 rather than a 5xx a sender would retry.
 */
export function notServed(): IntakeAnswer {
  return {
    status: 403,
    body: {
      ok: false,
      error: "workspace_not_served",
      message:
        "Baton isn't enabled in this Slack workspace (or was removed from it); nothing was saved. An admin of your Slack org can turn it on in /baton settings → Workspaces.",
    },
  };
}

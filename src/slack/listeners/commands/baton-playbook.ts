// `/baton icp`, `/baton brand`, `/baton sla`: the shared playbook, shown to anyone; Edit buttons for admins.
import { agreementMessage } from "../../blocks/agreement.js";
import { brandGuideMessage } from "../../blocks/brand-guide.js";
import { icpMessage } from "../../blocks/icp.js";
import { replyOnError } from "../../errors.js";
import type { ListenerDeps } from "../../listener-deps.js";
import type { Subcommand } from "./subcommands.js";

export function icpSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, respond, context, body }) => {
    await ack();
    await replyOnError(respond, async () => {
      const { playbook, roles } = deps.services;
      const [segments, canEdit, lastChange, gradeCounts] = await Promise.all([
        playbook.segments(context.teamId),
        roles.isAdmin(context.teamId, body.user_id),
        playbook.lastChange(context.teamId, "icp"),
        playbook.gradeCounts(context.teamId),
      ]);
      await respond({ response_type: "ephemeral", ...icpMessage({ segments, canEdit, lastChange, gradeCounts }) });
    });
  };
}

export function brandSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, respond, context, body }) => {
    await ack();
    await replyOnError(respond, async () => {
      const { playbook, roles } = deps.services;
      const [guide, canEdit, lastChange] = await Promise.all([
        playbook.brandGuide(context.teamId),
        roles.isAdmin(context.teamId, body.user_id),
        playbook.lastChange(context.teamId, "brand"),
      ]);
      await respond({ response_type: "ephemeral", ...brandGuideMessage(guide, canEdit, lastChange) });
    });
  };
}

export function slaSubcommand(deps: ListenerDeps): Subcommand {
  return async ({ ack, respond, context, body }) => {
    await ack();
    await replyOnError(respond, async () => {
      const { playbook, roles } = deps.services;
      const [terms, canEdit, lastChange] = await Promise.all([
        playbook.agreement(context.teamId),
        roles.isAdmin(context.teamId, body.user_id),
        playbook.lastChange(context.teamId, "agreement"),
      ]);
      await respond({ response_type: "ephemeral", ...agreementMessage(terms, canEdit, lastChange) });
    });
  };
}

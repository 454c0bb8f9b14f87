import type { MessageShortcut, SlackShortcutMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { leadDetailsFromText } from "../../../domain/leads/message-lead-details.js";
import type { Logger } from "../../../lib/logger.js";
import type { LeadFormValues, LeadModalMetadata } from "../../blocks/lead-modal.js";
import { leadModal } from "../../blocks/lead-modal.js";
import { LeadViews } from "../../ids.js";
import type { ListenerDeps, WithContext } from "../../listener-deps.js";
import { externalAuthorProfile } from "../../message-author.js";
import { openModal } from "../open-modal.js";

type MessageShortcutArgs = WithContext<SlackShortcutMiddlewareArgs<MessageShortcut>>;

/**
 * "Log as lead" on a message: the lead form opens at once (the trigger id lives 3 s), then fills in from the
 * message: the author's profile when they are from another organisation (Slack Connect), and the emails, phone
 * numbers and companies in the text. Saving goes through the lead form's own submission, which links the lead to
 * the message and answers in its thread.
 */
export function logMessageAsLead(deps: ListenerDeps) {
  return async ({ ack, body, client, context }: MessageShortcutArgs) => {
    await ack();
    const loading = { callbackId: LeadViews.lead, title: "Log a lead" };
    await openModal(client, body.trigger_id, loading, async () => {
      const message = body.message as MessageShortcut["message"] & { user_team?: string; thread_ts?: string };
      const workspace = { teamId: context.teamId, ...(body.enterprise?.id ? { enterpriseId: body.enterprise.id } : {}) };
      const [author, permalink, gradedByIcp] = await Promise.all([
        externalAuthorProfile(client, workspace, message, context.log),
        permalinkOf(client, body, context.log),
        deps.services.playbook.hasIcp(context.teamId),
      ]);
      const found = leadDetailsFromText(message.text ?? "");
      const values: LeadFormValues = {
        email: author?.email ?? found.emails[0] ?? null,
        name: author?.name ?? null,
        title: author?.title ?? null,
        company: found.companies[0] ?? null,
        phone: found.phones[0] ?? null,
      };
      const fromMessage = { channelId: body.channel.id, threadTs: message.thread_ts ?? message.ts, ...(permalink ? { permalink } : {}) };
      const metadata: LeadModalMetadata = { channelId: body.channel.id, fromMessage };
      return leadModal(values, metadata, { gradedByIcp });
    });
  };
}

/**
 * The message's permalink from Slack; when Slack won't give it (a conversation Baton can't read), the archive
 * address Slack's own links use, from the workspace's domain.
 */
async function permalinkOf(client: WebClient, body: MessageShortcut, log: Logger): Promise<string | undefined> {
  try {
    const answer = await client.chat.getPermalink({ channel: body.channel.id, message_ts: body.message.ts });
    if (answer.permalink) return answer.permalink;
  } catch (error) {
    log.info({ err: error }, "chat.getPermalink refused: linking the message by its archive address");
  }
  const domain = body.team?.domain;
  return domain ? `https://${domain}.slack.com/archives/${body.channel.id}/p${body.message.ts.replace(".", "")}` : undefined;
}

import type { WebClient } from "@slack/web-api";
import type {
  AssignedBy,
  ErasedMessage,
  HandoffCard,
  HandoffNotifier,
  MessageRef,
  ResponseClock,
  TeamMention,
  WinNotice,
} from "../../domain/ports.js";
import { duplicateCardMessage, handoffCardMessage } from "../blocks/handoff-card.js";
import {
  acceptedNotice,
  answeredDm,
  assignedNotice,
  escalationNotice,
  reassignedThreadNotice,
  redactedNotice,
  rejectedMarketingNotice,
  rejectedNotice,
  reminderNotice,
  wonNotice,
} from "../blocks/handoff-notices.js";
import type { Message } from "../blocks/message.js";
import type { SlackClients } from "../clients.js";
import { effectMetadata } from "../effects.js";
import { postingRefusal } from "../slack-errors.js";

/** HandoffNotifier over Slack's Web API: cards, thread replies, channel notices and DMs. */
export class SlackHandoffNotifier implements HandoffNotifier {
  constructor(private readonly clients: SlackClients) {}

  postCard(card: HandoffCard, mark?: string): Promise<MessageRef> {
    return this.post(card.teamId, card.channelId, handoffCardMessage(card), { mark });
  }

  async refreshCard(card: HandoffCard): Promise<void> {
    if (!card.messageTs) return;
    const client = await this.clients.forTeam(card.teamId);
    const message = handoffCardMessage(card);
    try {
      await client.chat.update({ channel: card.channelId, ts: card.messageTs, text: message.text, blocks: message.blocks });
    } catch (error) {
      throw postingRefusal(error, card.channelId);
    }
    await this.refreshDms(client, card);
  }

  /** Once decided (or erased), the DMs about a handoff show the outcome instead of their buttons and clock. */
  private async refreshDms(client: WebClient, card: HandoffCard): Promise<void> {
    if (card.dms.length === 0 || (card.status === "pending" && !card.lead.erased)) return;
    const dm = answeredDm(card, await this.permalink(card));
    const results = await Promise.allSettled(
      card.dms.map((ref) => client.chat.update({ channel: ref.channelId, ts: ref.ts, text: dm.text, blocks: dm.blocks })),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  async pointToCard(card: HandoffCard, duplicate: MessageRef): Promise<void> {
    const client = await this.clients.forTeam(card.teamId);
    const message = duplicateCardMessage(card, await this.permalink(card));
    try {
      await client.chat.update({ channel: duplicate.channelId, ts: duplicate.ts, text: message.text, blocks: message.blocks });
    } catch (error) {
      throw postingRefusal(error, duplicate.channelId);
    }
  }

  accepted(card: HandoffCard, mark?: string): Promise<MessageRef> {
    return this.inThread(card, acceptedNotice(card), mark);
  }

  rejected(card: HandoffCard, mark?: string): Promise<MessageRef> {
    return this.inThread(card, rejectedNotice(card), mark);
  }

  async rejectedToMarketing(card: HandoffCard, channelId: string, mark?: string): Promise<MessageRef> {
    return this.post(card.teamId, channelId, rejectedMarketingNotice(card, await this.permalink(card)), { mark });
  }

  async assigned(
    card: HandoffCard,
    by: AssignedBy,
    _previousAssigneeId: string | null,
    clock: ResponseClock | null,
    mark?: string,
  ): Promise<MessageRef | null> {
    if (!card.assigneeId) return null;
    return this.post(card.teamId, card.assigneeId, assignedNotice(card, by, clock, await this.permalink(card)), { mark });
  }

  reassignedInThread(card: HandoffCard, previousAssigneeId: string | null, mark?: string): Promise<MessageRef> {
    return this.inThread(card, reassignedThreadNotice(card, previousAssigneeId), mark);
  }

  async reminder(card: HandoffCard, clock: ResponseClock | null, mark?: string): Promise<MessageRef | null> {
    if (card.assigneeId) return this.post(card.teamId, card.assigneeId, reminderNotice(card, clock, await this.permalink(card)), { mark });
    await this.inThread(card, reminderNotice(card, null, undefined, true), mark);
    return null;
  }

  /** One escalation: in the card's thread, broadcast to the channel (so the team sees it where it is answered). */
  escalation(card: HandoffCard, team: TeamMention, mark?: string): Promise<MessageRef> {
    const thread = card.messageTs ? { threadTs: card.messageTs, broadcast: true } : {};
    return this.post(card.teamId, card.channelId, escalationNotice(card, team), { ...thread, mark });
  }

  won(win: WinNotice, mark?: string): Promise<MessageRef> {
    return this.post(win.teamId, win.channelId, wonNotice(win), { mark });
  }

  async redrawErased(teamId: string, erased: ErasedMessage): Promise<void> {
    const client = await this.clients.forTeam(teamId);
    const message = await this.erasedMessage(erased);
    await client.chat.update({ channel: erased.ref.channelId, ts: erased.ref.ts, text: message.text, blocks: message.blocks });
  }

  /** The notice as it would be drawn now, from the erased lead: who did what stays, the person goes. */
  private async erasedMessage(erased: ErasedMessage): Promise<Message> {
    switch (erased.notice) {
      case "accepted":
        return acceptedNotice(erased.card);
      case "rejected":
        return rejectedNotice(erased.card);
      case "rejectedToMarketing":
        return rejectedMarketingNotice(erased.card, await this.permalink(erased.card));
      case "escalation":
        return escalationNotice(erased.card, erased.team);
      case "won":
        return wonNotice(erased.win);
      case "redacted":
        return redactedNotice();
    }
  }

  private async post(
    teamId: string,
    channel: string,
    message: Message,
    { threadTs, broadcast = false, mark }: { threadTs?: string; broadcast?: boolean; mark?: string | undefined } = {},
  ): Promise<MessageRef> {
    const client: WebClient = await this.clients.forTeam(teamId);
    try {
      const marked = mark ? { metadata: effectMetadata(mark) } : {};
      const base = { channel, text: message.text, blocks: message.blocks, unfurl_links: false, ...marked };
      const result = await client.chat.postMessage(threadTs ? { ...base, thread_ts: threadTs, reply_broadcast: broadcast } : base);
      return { channelId: result.channel ?? channel, ts: result.ts ?? "" };
    } catch (error) {
      throw postingRefusal(error, channel);
    }
  }

  private inThread(card: HandoffCard, message: Message, mark?: string): Promise<MessageRef> {
    return this.post(card.teamId, card.channelId, message, { ...(card.messageTs ? { threadTs: card.messageTs } : {}), mark });
  }

  private async permalink(card: HandoffCard): Promise<string | undefined> {
    if (!card.messageTs) return undefined;
    const client = await this.clients.forTeam(card.teamId);
    // The link to the card is a convenience: the notice is worth sending without it.
    const result = await client.chat.getPermalink({ channel: card.channelId, message_ts: card.messageTs }).catch(() => undefined);
    return result?.permalink;
  }
}

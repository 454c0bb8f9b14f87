// A HandoffNotifier that remembers what handoffs asked Slack to show, and answers as Slack would.
import type {
  AssignedBy,
  HandoffCard,
  HandoffNotifier,
  MessageRef,
  ResponseClock,
  TeamMention,
  WinNotice,
} from "../../../src/domain/ports.js";
import { Recorder } from "./recorder.js";

export class RecordingHandoffNotifier extends Recorder<HandoffNotifier> implements HandoffNotifier {
  private tsCounter = 0;

  async postCard(card: HandoffCard): Promise<MessageRef> {
    this.record("postCard", [card]);
    return { channelId: card.channelId, ts: this.nextTs() };
  }

  async refreshCard(card: HandoffCard): Promise<void> {
    this.record("refreshCard", [card]);
  }

  async pointToCard(card: HandoffCard, duplicate: MessageRef): Promise<void> {
    this.record("pointToCard", [card, duplicate]);
  }

  async accepted(card: HandoffCard): Promise<void> {
    this.record("accepted", [card]);
  }

  /** Like Slack's notifier: the thread reply quotes the note, when there is one. */
  async rejected(card: HandoffCard): Promise<MessageRef | null> {
    this.record("rejected", [card]);
    return card.rejectNote ? { channelId: card.channelId, ts: this.nextTs() } : null;
  }

  /** Like Slack's notifier: the marketing channel's notice quotes the note, when there is one. */
  async rejectedToMarketing(card: HandoffCard, channelId: string): Promise<MessageRef | null> {
    this.record("rejectedToMarketing", [card, channelId]);
    return card.rejectNote ? { channelId, ts: this.nextTs() } : null;
  }

  async reassignedInThread(card: HandoffCard, previousAssigneeId: string | null): Promise<void> {
    this.record("reassignedInThread", [card, previousAssigneeId]);
  }

  /** Like Slack's notifier: a DM to the assignee (in a channel named for them). */
  async assigned(
    card: HandoffCard,
    by: AssignedBy,
    previousAssigneeId: string | null,
    clock: ResponseClock | null,
  ): Promise<MessageRef | null> {
    this.record("assigned", [card, by, previousAssigneeId, clock]);
    return card.assigneeId ? { channelId: `D${card.assigneeId}`, ts: this.nextTs() } : null;
  }

  async reminder(card: HandoffCard, clock: ResponseClock | null): Promise<MessageRef | null> {
    this.record("reminder", [card, clock]);
    return card.assigneeId ? { channelId: `D${card.assigneeId}`, ts: this.nextTs() } : null;
  }

  async escalation(card: HandoffCard, team: TeamMention): Promise<void> {
    this.record("escalation", [card, team]);
  }

  async won(win: WinNotice): Promise<MessageRef> {
    this.record("won", [win]);
    return { channelId: win.channelId, ts: this.nextTs() };
  }

  async redactNotices(teamId: string, refs: MessageRef[], rejection?: HandoffCard): Promise<void> {
    this.record("redactNotices", [teamId, refs, rejection]);
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, "0")}`;
  }
}

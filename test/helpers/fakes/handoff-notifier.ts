// A HandoffNotifier that remembers what handoffs asked Slack to show, and answers as Slack would.
import type {
  AssignedBy,
  ErasedMessage,
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

  async accepted(card: HandoffCard): Promise<MessageRef> {
    this.record("accepted", [card]);
    return { channelId: card.channelId, ts: this.nextTs() };
  }

  async rejected(card: HandoffCard): Promise<MessageRef> {
    this.record("rejected", [card]);
    return { channelId: card.channelId, ts: this.nextTs() };
  }

  async rejectedToMarketing(card: HandoffCard, channelId: string): Promise<MessageRef> {
    this.record("rejectedToMarketing", [card, channelId]);
    return { channelId, ts: this.nextTs() };
  }

  async reassignedInThread(card: HandoffCard, previousAssigneeId: string | null): Promise<MessageRef> {
    this.record("reassignedInThread", [card, previousAssigneeId]);
    return { channelId: card.channelId, ts: this.nextTs() };
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

  async escalation(card: HandoffCard, team: TeamMention): Promise<MessageRef> {
    this.record("escalation", [card, team]);
    return { channelId: card.channelId, ts: this.nextTs() };
  }

  async won(win: WinNotice): Promise<MessageRef> {
    this.record("won", [win]);
    return { channelId: win.channelId, ts: this.nextTs() };
  }

  async redrawErased(teamId: string, erased: ErasedMessage): Promise<void> {
    this.record("redrawErased", [teamId, erased]);
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000000.${String(this.tsCounter).padStart(6, "0")}`;
  }
}

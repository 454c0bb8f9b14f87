// What the domain needs from the outside world, as interfaces. The Slack layer implements them
// (src/slack/directory.ts ...) and app.ts wires them in, so the domain never imports Slack.

/** Facts about people that only Slack knows. Implementations may cache briefly. */
export interface Directory {
  /** Slack workspace admin or owner. */
  isWorkspaceAdmin(teamId: string, userId: string): Promise<boolean>;
  /** A guest: multi-channel (Slack's is_restricted) or single-channel (is_ultra_restricted). */
  isGuest(teamId: string, userId: string): Promise<boolean>;
  /** Members of a Slack user group (e.g. the sales team), or [] when it does not exist. */
  userGroupMembers(teamId: string, groupId: string): Promise<string[]>;
  /** The person's IANA time zone from their Slack profile, if known. */
  timezoneOf(teamId: string, userId: string): Promise<string | undefined>;
}

/** Where one announcement went: posted, or refused by Slack with its error code (e.g. not_in_channel). */
export type AnnouncementDelivery = { channelId: string; ok: true } | { channelId: string; ok: false; error: string };

/** A new campaign as sales sees it announced: what is coming and what it promises. */
export interface CampaignAnnouncement {
  name: string;
  channel: string;
  product: string | null;
  offer: string | null;
  place: string | null;
  promotion: string | null;
  keyMessage: string | null;
  segmentName: string | null;
  startsOn: string | null;
  endsOn: string | null;
  ownerId: string | null;
  createdById: string;
}

/** A change to the shared playbook (ICP, brand guide, agreement), as both teams see it announced. */
export interface PlaybookChangeAnnouncement {
  kind: "icp" | "brand" | "agreement";
  actorId: string;
  summary: string;
  at: Date;
}

/** Posts campaign and playbook announcements in a workspace's channels. Never throws for Slack's refusals. */
/**
 * Announcements in the sales and marketing channels. `effectId` marks the message (metadata), so a retry can tell
 * whether it went out. A refusal for good (not_in_channel, ...) comes back as `ok: false`; anything a later try may
 * fix (rate limits, Slack or the network down) is thrown.
 */
export interface PlaybookAnnouncer {
  campaignLaunched(teamId: string, channelId: string, campaign: CampaignAnnouncement, effectId?: string): Promise<AnnouncementDelivery>;
  playbookChanged(teamId: string, channelId: string, change: PlaybookChangeAnnouncement, effectId?: string): Promise<AnnouncementDelivery>;
}

/** A message Baton looked for in a channel: found (with its ts), not there, or the channel could not be read. */
export type FoundMessage = { found: true; ts: string } | { found: false } | { found: "unknown" };

/** Where a message marked with an outbox effect's id is, if Baton posted it. */
export interface EffectLedger {
  findEffect(teamId: string, channelId: string, effectId: string, since: Date): Promise<FoundMessage>;
}

/** A Slack message Baton posted: where it is, so it can be updated or anonymised later. */
export interface MessageRef {
  channelId: string;
  ts: string;
}

/** Everything a handoff card shows, as of now. Personal fields are null once the lead was erased. */
export interface HandoffCard {
  handoffId: string;
  teamId: string;
  /** pending, accepted, rejected, cancelled */
  status: string;
  lead: {
    id: string;
    name: string | null;
    email: string | null;
    phone: string | null;
    company: string | null;
    title: string | null;
    fitGrade: string | null;
    notes: string | null;
    erased: boolean;
  };
  campaignName: string | null;
  handedOffById: string;
  handedOffAt: Date;
  assigneeId: string | null;
  slaDueAt: Date | null;
  /** When the current assignee must answer: their own deadline after an SLA reassignment, else slaDueAt. */
  answerBy: Date | null;
  breachedAt: Date | null;
  decidedById: string | null;
  decidedAt: Date | null;
  rejectReason: string | null;
  rejectNote: string | null;
  /**
   * Where the card is (the sales channel at the time of the handoff); ts is null until Baton knows which message it
   * is (from Slack's answer to the post, or the first click on the card).
   */
  channelId: string;
  messageTs: string | null;
  /** DMs sent about the handoff (to assignees), redrawn with the card once it is decided or the lead erased. */
  dms: MessageRef[];
}

/** Time left to answer a handoff, in the workspace's working hours, as of when it was computed. */
export interface ResponseClock {
  dueAt: Date;
  /** Working minutes left; negative once the deadline passed (by that many working minutes). */
  workingMinutesLeft: number;
  overdue: boolean;
}

/** Who to @-mention when a handoff escalates: the sales user group, or else listed people. */
export interface TeamMention {
  groupId: string | null;
  userIds: string[];
}

/** Who made an assignment: a person, the rotation, or the SLA ladder reassigning after a breach. */
export type AssignedBy = { kind: "person"; userId: string } | { kind: "rotation" } | { kind: "sla" };

/**
 * What handoffs tell people in Slack. Implemented in src/slack/notifiers/handoffs.ts. Methods throw
 * AppError("not_configured") when Slack refuses for good (channel gone, Baton not invited), anything else when it
 * may work on a retry. Each post takes `mark`, the outbox effect it delivers, carried as the message's metadata so
 * a retry after a crash finds it instead of posting again.
 */
export interface HandoffNotifier {
  /** Posts the card with Accept / Reject / Assign buttons to `card.channelId`. */
  postCard(card: HandoffCard, mark?: string): Promise<MessageRef>;
  /** Re-renders the card in place, for everyone in the channel, and the DMs about it once it is decided. */
  refreshCard(card: HandoffCard): Promise<void>;
  /**
   * Turns `duplicate`, another card of the same handoff (posted again after a crash), into a pointer to the card on
   * record (`card.messageTs`), with no buttons.
   */
  pointToCard(card: HandoffCard, duplicate: MessageRef): Promise<void>;
  /** Tells the marketer in the card's thread that a rep accepted. Returns the reply (its outbox row keeps it, for erasure). */
  accepted(card: HandoffCard, mark?: string): Promise<MessageRef>;
  /** Tells the marketer why, in the card's thread. Returns the reply. */
  rejected(card: HandoffCard, mark?: string): Promise<MessageRef>;
  /** Tells the marketing channel why, with the campaign and fit. Returns the notice. */
  rejectedToMarketing(card: HandoffCard, channelId: string, mark?: string): Promise<MessageRef>;
  /** Tells `card.assigneeId` by DM that the handoff is theirs to answer. Returns the DM, to redraw once decided. */
  assigned(
    card: HandoffCard,
    by: AssignedBy,
    previousAssigneeId: string | null,
    clock: ResponseClock | null,
    mark?: string,
  ): Promise<MessageRef | null>;
  /** A reassignment after a breach, said in the card's thread. */
  reassignedInThread(card: HandoffCard, previousAssigneeId: string | null, mark?: string): Promise<MessageRef>;
  /**
   * Half the response time has passed: a DM to the assignee, or the card's thread when nobody is assigned. Returns
   * the DM (null for a thread reply). DMs carry the lead's headline, the clock and the card's three buttons.
   */
  reminder(card: HandoffCard, clock: ResponseClock | null, mark?: string): Promise<MessageRef | null>;
  /** The deadline passed: the card's thread and the sales channel, mentioning the team. */
  escalation(card: HandoffCard, team: TeamMention, mark?: string): Promise<MessageRef>;
  /** A deal marked won, told to the marketing channel with its campaign and who handed it off. */
  won(win: WinNotice, mark?: string): Promise<MessageRef>;
  /** Redraws a message Baton posted about a lead whose personal data was just erased, as `erased` says. */
  redrawErased(teamId: string, erased: ErasedMessage): Promise<void>;
}

/**
 * A message that named an erased lead or quoted a note about them, and what it becomes: the same notice drawn from
 * the erased lead (`card`: the handoff without its note, the lead anonymised), or, when Baton cannot tell what the
 * message was, a line saying it was redacted.
 */
export type ErasedMessage =
  | { ref: MessageRef; notice: "accepted" | "rejected" | "rejectedToMarketing"; card: HandoffCard }
  | { ref: MessageRef; notice: "escalation"; card: HandoffCard; team: TeamMention }
  | { ref: MessageRef; notice: "won"; win: WinNotice }
  | { ref: MessageRef; notice: "redacted" };

/** A won deal as marketing hears it: who won which lead (no contact details), the value, the campaign, who handed it off. */
export interface WinNotice {
  teamId: string;
  channelId: string;
  ownerId: string;
  lead: { name: string | null; company: string | null; erased: boolean };
  valueCents: number | null;
  currency: string | null;
  campaignName: string | null;
  handedOffById: string | null;
}

/** A lead as announced in the marketing channel: no contact details, just enough to recognise it. */
export interface LeadAnnouncement {
  teamId: string;
  channelId: string;
  /** The outbox effect this post delivers: it marks the message. */
  effectId?: string;
  /** Where it came from, as people say it: "web form". */
  source: string;
  lead: {
    id: string;
    name: string | null;
    company: string | null;
    title: string | null;
    campaignName: string | null;
    /** The ICP's grade (A-D), or null when not graded. */
    fitGrade?: string | null;
  };
}

/** Tells the marketing channel about leads that arrived from outside Slack. */
export interface NewLeadAnnouncer {
  /** Posted (its ts is recorded on the lead, so erasure can redact it) or refused for good; a transient failure throws. */
  newLead(announcement: LeadAnnouncement): Promise<AnnouncementDelivery & { ts?: string }>;
}

/** Someone took leads out of Baton: what the admins are told. */
export interface ExportNotice {
  teamId: string;
  userId: string;
  /** The export's filter: a stage and/or a campaign, neither for every lead. */
  stage: string | null;
  campaignName: string | null;
  rowCount: number;
}

/** What becomes of exports in Slack: the admins are told of each, and the files go when a person is erased. */
export interface LeadExportsPort {
  /** A DM to each admin, not to the person who exported. */
  announce(adminIds: string[], notice: ExportNotice): Promise<void>;
  /** Deletes files Baton uploaded; returns how many Slack deleted (a file already gone counts as deleted). */
  deleteFiles(teamId: string, fileIds: string[]): Promise<number>;
}

/** An outbox effect Slack never took (dead-lettered), as an admin may see it: no personal data, ids only. */
export interface UndeliveredEffect {
  kind: string;
  /** Where it should have gone: a channel, or a person for a DM. */
  channelId: string;
  /** What went wrong, as Baton recorded it (a Slack error code or a short message). */
  reason: string;
}

/** Implemented in src/slack/notifiers/undelivered.ts: the admins' report of messages Slack never took. */
export interface AdminReports {
  /** DMs the report to these people (Slack's workspace admins when none); `more`: dead letters not listed. */
  tellUndelivered(input: { teamId: string; userIds: string[]; undelivered: UndeliveredEffect[]; more: number }): Promise<void>;
}

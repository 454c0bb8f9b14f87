// The admins' report of Slack messages Baton gave up on (outbox dead letters), by DM (the AdminReports port).
import { EffectKinds } from "../../domain/outbox/effects.js";
import type { AdminReports, UndeliveredEffect } from "../../domain/ports.js";
import type { Logger } from "../../lib/logger.js";
import { channelLink } from "../blocks/text.js";
import type { SlackClients } from "../clients.js";
import { problemForAdmins } from "../slack-errors.js";
import { dmAdmins } from "./admins.js";

/** What each kind of message is, in words an admin knows from Slack. */
const KIND_WORDS: Record<string, string> = {
  [EffectKinds.campaignLaunched]: "a new campaign's announcement",
  [EffectKinds.playbookChanged]: "a playbook change announcement",
  [EffectKinds.leadAnnounced]: "a new lead's announcement",
  [EffectKinds.handoffCard]: "a hand-off card",
  [EffectKinds.handoffCardUpdate]: "an update of a hand-off card",
  [EffectKinds.handoffAccepted]: "a hand-off's accepted notice",
  [EffectKinds.handoffRejected]: "a hand-off's rejected notice",
  [EffectKinds.handoffRejectedToMarketing]: "a rejected hand-off's notice to marketing",
  [EffectKinds.handoffReassignedInThread]: "a hand-off's reassignment notice",
  [EffectKinds.slaEscalation]: "a hand-off's escalation",
  [EffectKinds.handoffAssignedDm]: "a hand-off assignment DM",
  [EffectKinds.slaReminder]: "a hand-off reminder",
  [EffectKinds.dealWon]: "a won deal's announcement",
};

/** Where it should have gone: a channel, or a person (a DM). */
const placeOf = (channelId: string) => (/^[UW][A-Z0-9]+$/.test(channelId) ? `<@${channelId}> (by DM)` : channelLink(channelId));

/** The reason in words: Slack's error code said plainly; anything else (a timeout, a 5xx) is said as such, never quoted. */
function reasonOf(recorded: string): string {
  if (recorded.startsWith("no handler")) return "this version of Baton no longer knows how to send it";
  const code = /\b([a-z]+(?:_[a-z]+)+|ratelimited)\b/.exec(recorded)?.[1];
  const known = code ? problemForAdmins(code) : "";
  if (code && !known.startsWith("Slack answered")) return known;
  const said = code ? ` (it answered \`${code}\`)` : "";
  return `Slack could not be reached or kept failing${said}, for about two hours of retries`;
}

export class SlackAdminReports implements AdminReports {
  constructor(
    private readonly clients: SlackClients,
    private readonly logger: Logger,
  ) {}

  async tellUndelivered(input: { teamId: string; userIds: string[]; undelivered: UndeliveredEffect[]; more: number }): Promise<void> {
    const lines = input.undelivered.map((e) => `• ${KIND_WORDS[e.kind] ?? "a message"} in ${placeOf(e.channelId)}: ${reasonOf(e.reason)}`);
    if (input.more > 0) lines.push(`• and ${input.more} more`);
    const text = [
      ":warning: Baton gave up on some Slack messages; nothing else is affected:",
      ...lines,
      "Fix what is said above (invite Baton, or pick another channel in `/baton settings`). You'll hear about messages given up on at most once an hour.",
    ].join("\n");
    const told = await dmAdmins(await this.clients.forTeam(input.teamId), input.userIds, text, this.logger);
    if (told === 0)
      this.logger.error({ teamId: input.teamId, undelivered: input.undelivered.length }, "no admin to tell about undelivered messages");
  }
}

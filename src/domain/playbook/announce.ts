// Announcing playbook changes and new campaigns in the workspace's channels: each announcement is an outbox
// effect written in the transaction of the change, claimed by the writer, which delivers it right after the commit
// (and the sweeper if that fails).
import type { Tx } from "../../db/client.js";
import type { WrittenEffect } from "../../db/outbox.js";
import { findWorkspace, type Workspace } from "../../db/workspaces.js";
import { type EffectKind, enqueueAnnouncements } from "../outbox/effects.js";
import type { DrawnSubject, OutboxPort } from "../outbox/outbox.js";
import type { AnnouncementDelivery } from "../ports.js";

export type TeamChannel = "sales" | "marketing";

export interface AnnouncementOutcome {
  /** Posted, refused (with Slack's reason), or `queued`: Slack did not answer and Baton will post it when it can. */
  deliveries: AnnouncementDelivery[];
  /** Channels the announcement should have gone to but that are not set in /baton settings. */
  notConfigured: TeamChannel[];
}

/** An announcement as its change's transaction wrote it, for the writer to deliver (`deliverAnnouncement`). */
export interface WrittenAnnouncement {
  rows: WrittenEffect[];
  notConfigured: TeamChannel[];
  /** The subject as the change wrote it, so the message is drawn without reading it again. */
  drawn?: DrawnSubject;
}

const channelOf = (workspace: Workspace | null, channel: TeamChannel) =>
  (channel === "sales" ? workspace?.salesChannelId : workspace?.marketingChannelId) ?? null;

/**
 * Writes the announcement of `subjectId` to each team channel that is set (once where sales and marketing share
 * one), claimed by the writer until `lease`.
 */
export async function enqueueTeamAnnouncement(
  tx: Tx,
  effect: { teamId: string; kind: EffectKind; subjectId: string; channels: TeamChannel[] },
  at: Date,
  lease: Date,
  drawn?: DrawnSubject,
): Promise<WrittenAnnouncement> {
  const workspace = await findWorkspace(tx, effect.teamId);
  const channels = effect.channels.map((c) => channelOf(workspace, c));
  const rows = await enqueueAnnouncements(tx, { ...effect, channels }, at, { claimedUntil: lease });
  const notConfigured = effect.channels.filter((_, i) => !channels[i]);
  return { rows, notConfigured, ...(drawn ? { drawn } : {}) };
}

/** Delivers a written announcement now and says how each post went, and which channels are not set. */
export async function deliverAnnouncement(deps: { outbox: OutboxPort }, written: WrittenAnnouncement): Promise<AnnouncementOutcome> {
  const deliveries = await deps.outbox.deliverWritten(written.rows, written.drawn);
  return { deliveries: deliveries.map(({ status: _status, ...delivery }) => delivery), notConfigured: written.notConfigured };
}

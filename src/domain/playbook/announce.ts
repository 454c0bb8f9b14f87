// Announcing playbook changes and new campaigns in the workspace's channels: each announcement is an outbox
// effect written in the transaction of the change, delivered right after it (and by the sweeper if that fails).
import type { Db, Tx } from "../../db/client.js";
import { insertPlaybookChange, type NewPlaybookChange, type PlaybookChange } from "../../db/playbook.js";
import { findWorkspace, type Workspace } from "../../db/workspaces.js";
import { type EffectKind, EffectKinds, enqueueAnnouncements } from "../outbox/effects.js";
import type { OutboxPort } from "../outbox/outbox.js";
import type { AnnouncementDelivery } from "../ports.js";

export type TeamChannel = "sales" | "marketing";

export interface AnnouncementOutcome {
  /** Posted, refused (with Slack's reason), or `queued`: Slack did not answer and Baton will post it when it can. */
  deliveries: AnnouncementDelivery[];
  /** Channels the announcement should have gone to but that are not set in /baton settings. */
  notConfigured: TeamChannel[];
}

const channelOf = (workspace: Workspace | null, channel: TeamChannel) =>
  (channel === "sales" ? workspace?.salesChannelId : workspace?.marketingChannelId) ?? null;

/** Writes the announcement of `subjectId` to each team channel that is set (once where sales and marketing share one). */
export async function enqueueTeamAnnouncement(
  tx: Tx,
  effect: { teamId: string; kind: EffectKind; subjectId: string; channels: TeamChannel[] },
  at: Date,
): Promise<void> {
  const workspace = await findWorkspace(tx, effect.teamId);
  await enqueueAnnouncements(tx, { ...effect, channels: effect.channels.map((c) => channelOf(workspace, c)) }, at);
}

/** Records a playbook change with its announcement in both team channels, in the change's transaction. */
export async function recordPlaybookChange(tx: Tx, change: NewPlaybookChange): Promise<PlaybookChange> {
  const recorded = await insertPlaybookChange(tx, change);
  await enqueueTeamAnnouncement(
    tx,
    { teamId: change.teamId, kind: EffectKinds.playbookChanged, subjectId: recorded.id, channels: ["sales", "marketing"] },
    recorded.at,
  );
  return recorded;
}

/** Delivers the announcement's effects now and says how each went, and which channels are not set. */
export async function announced(
  deps: { db: Db; outbox: OutboxPort },
  effect: { teamId: string; kind: EffectKind; subjectId: string; channels: TeamChannel[] },
): Promise<AnnouncementOutcome> {
  const workspace = await findWorkspace(deps.db, effect.teamId);
  const notConfigured = effect.channels.filter((channel) => !channelOf(workspace, channel));
  const deliveries = await deps.outbox.deliverFor(effect.teamId, effect.kind, effect.subjectId);
  return { deliveries: deliveries.map(({ status: _status, ...delivery }) => delivery), notConfigured };
}

// Announcing playbook changes and new campaigns in the workspace's channels.
import type { Db } from "../../db/client.js";
import { findWorkspace } from "../../db/workspaces.js";
import type { AnnouncementDelivery } from "../ports.js";

export type TeamChannel = "sales" | "marketing";

export interface AnnouncementOutcome {
  deliveries: AnnouncementDelivery[];
  /** Channels the announcement should have gone to but that are not set in /baton settings. */
  notConfigured: TeamChannel[];
}

/** Posts to each of the team channels once (sales and marketing may be the same channel). */
export async function announceIn(
  db: Db,
  teamId: string,
  channels: TeamChannel[],
  post: (channelId: string) => Promise<AnnouncementDelivery>,
): Promise<AnnouncementOutcome> {
  const workspace = await findWorkspace(db, teamId);
  const ids = { sales: workspace?.salesChannelId ?? null, marketing: workspace?.marketingChannelId ?? null };
  const notConfigured = channels.filter((channel) => !ids[channel]);
  const targets = [...new Set(channels.flatMap((channel) => (ids[channel] ? [ids[channel]] : [])))];
  const deliveries: AnnouncementDelivery[] = [];
  for (const channelId of targets) deliveries.push(await post(channelId));
  return { deliveries, notConfigured };
}

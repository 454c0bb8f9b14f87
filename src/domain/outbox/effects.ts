// The Slack effects that go through the outbox, and writing them with their decision.
import type { Tx } from "../../db/client.js";
import { enqueueEffects } from "../../db/outbox.js";

export const EffectKinds = {
  campaignLaunched: "campaign_launched",
  playbookChanged: "playbook_changed",
  leadAnnounced: "lead_announced",
} as const;
export type EffectKind = (typeof EffectKinds)[keyof typeof EffectKinds];

/** Writes one announcement per channel (a channel named twice, or not set, gets one or none) in `tx`. */
export function enqueueAnnouncements(
  tx: Tx,
  effect: { teamId: string; kind: EffectKind; subjectId: string; channels: (string | null | undefined)[] },
  at: Date,
): Promise<void> {
  const channels = [...new Set(effect.channels.filter((c): c is string => Boolean(c)))];
  return enqueueEffects(
    tx,
    channels.map((channelId) => ({ teamId: effect.teamId, kind: effect.kind, subjectId: effect.subjectId, channelId })),
    at,
  );
}

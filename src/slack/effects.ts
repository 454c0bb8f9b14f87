// Outbox effects in Slack: each post carries its effect's id as message metadata, so that after a crash (posted,
// not recorded) the retry finds it in the channel instead of posting again.
import type { EffectLedger, FoundMessage } from "../domain/ports.js";
import type { Logger } from "../lib/logger.js";
import type { SlackClients } from "./clients.js";
import { findMarkedMessage } from "./history.js";

export const EFFECT_EVENT_TYPE = "baton_effect";

export const effectMetadata = (effectId: string) => ({ event_type: EFFECT_EVENT_TYPE, event_payload: { effect_id: effectId } });

const isUserId = (channelId: string) => /^[UW][A-Z0-9]+$/.test(channelId);

export class SlackEffectLedger implements EffectLedger {
  constructor(
    private readonly clients: SlackClients,
    private readonly logger: Logger,
  ) {}

  async findEffect(teamId: string, channelId: string, effectId: string, since: Date): Promise<FoundMessage> {
    try {
      const client = await this.clients.forTeam(teamId);
      // A DM is addressed to the person (channel: their user id); its history is read from the DM's own channel.
      const dm = isUserId(channelId) ? (await client.conversations.open({ users: channelId })).channel?.id : undefined;
      const where = { channelId: dm ?? channelId, since, eventType: EFFECT_EVENT_TYPE, key: "effect_id", value: effectId };
      return await findMarkedMessage(client, where);
    } catch (error) {
      this.logger.warn({ err: error, teamId, channelId }, "cannot read the channel to check for an earlier post");
      return { found: "unknown" };
    }
  }
}

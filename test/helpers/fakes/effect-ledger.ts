// The fast tier's channel history: no earlier post of any effect (a crash mid-delivery is tested end to end).
import type { EffectLedger, FoundMessage } from "../../../src/domain/ports.js";
import { Recorder } from "./recorder.js";

export class NoEarlierPosts extends Recorder<EffectLedger> implements EffectLedger {
  async findEffect(teamId: string, channelId: string, effectId: string, since: Date): Promise<FoundMessage> {
    this.record("findEffect", [teamId, channelId, effectId, since]);
    return { found: false };
  }
}

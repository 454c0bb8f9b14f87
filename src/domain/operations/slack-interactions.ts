import { claimOnceMarker, releaseOnceMarker } from "../../db/once.js";
import type { OperationsDeps } from "./deps.js";

/** The OnceMarker key prefix of claimed interactions (housekeeping prunes by it). */
export const INTERACTION_KEY_PREFIX = "interaction:";

/**
 * Slack never delivers an interaction twice, but a captured signed request stays valid for five minutes and can be
 * sent again. The first delivery claims the interaction's identity in the database, so a replay reaching any replica
 * is recognised and refused.
 */
export class SlackInteractions {
  constructor(private readonly deps: OperationsDeps) {}

  /** True for the first delivery of this interaction only. `id` says which interaction (see once-per-interaction.ts). */
  firstDelivery(teamId: string, id: string): Promise<boolean> {
    return claimOnceMarker(this.deps.db, keyOf(teamId, id), teamId, this.deps.clock.now());
  }

  /** Its first delivery changed nothing (a submission sent back with errors): the person may send it again. */
  forget(teamId: string, id: string): Promise<void> {
    return releaseOnceMarker(this.deps.db, keyOf(teamId, id));
  }
}

const keyOf = (teamId: string, id: string) => `${INTERACTION_KEY_PREFIX}${teamId}:${id}`;

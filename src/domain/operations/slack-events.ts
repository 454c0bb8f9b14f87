import { claimOnceMarker, releaseOnceMarker } from "../../db/once.js";
import type { OperationsDeps } from "./deps.js";

/**
 * Slack delivers an event again (X-Slack-Retry-Num, same event_id) when it did not see our answer in time. The
 * first delivery claims the event id in the database, so a retry reaching any replica is recognised and dropped.
 */
export class SlackEvents {
  constructor(private readonly deps: OperationsDeps) {}

  firstDelivery(eventId: string, teamId: string | undefined): Promise<boolean> {
    return claimOnceMarker(this.deps.db, `event:${eventId}`, teamId ?? null, this.deps.clock.now());
  }

  /** Processing failed: let a later retry of the same event try again. */
  forget(eventId: string): Promise<void> {
    return releaseOnceMarker(this.deps.db, `event:${eventId}`);
  }
}

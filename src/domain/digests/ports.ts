// What digest runs need from Slack, as interfaces the Slack layer implements (src/slack/notifiers/digests.ts).
import type { FoundMessage } from "../ports.js";
import type { Digest } from "./digest.js";
import type { PersonalDigest } from "./personal-digest.js";

export type { FoundMessage };

/**
 * Implemented in src/slack/notifiers/digests.ts. Methods throw AppError("not_configured") when Slack refuses for
 * good (the channel is gone or archived, Baton is not in it; `reason` is Slack's error code), anything else when a
 * retry may work.
 */
export interface DigestPublisher {
  /**
   * Posts the digest message with its chart inside (when the digest has one); `runId` is attached to the message so
   * a retry can find it after a crash. A chart that cannot be uploaded never holds the digest back.
   */
  postDigest(input: { teamId: string; channelId: string; digest: Digest; runId: string; lateFor: Date | null }): Promise<{ ts: string }>;
  /** Looks in the channel for the digest message of `runId` posted since `since`. */
  findDigest(input: { teamId: string; channelId: string; runId: string; since: Date }): Promise<FoundMessage>;
  /** Sends a personal digest by DM. */
  sendPersonal(input: { teamId: string; userId: string; digest: PersonalDigest; runId: string }): Promise<{ ts: string }>;
  /** Tells admins (these people; Slack's workspace admins when none) that digests cannot reach a channel. */
  tellAdmins(input: { teamId: string; userIds: string[]; channelId: string; reason: string }): Promise<void>;
}

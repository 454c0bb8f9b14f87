// A DigestPublisher that keeps what digest runs posted, per channel, and finds a run's message again as Slack does.
import type { Digest } from "../../../src/domain/digests/digest.js";
import type { PersonalDigest } from "../../../src/domain/digests/personal-digest.js";
import type { DigestPublisher, FoundMessage } from "../../../src/domain/digests/ports.js";
import { Recorder } from "./recorder.js";

export interface PostedDigest {
  ts: string;
  runId: string;
  digest: Digest;
  lateFor: Date | null;
}

export class RecordingDigestPublisher extends Recorder<DigestPublisher> implements DigestPublisher {
  /** Digests Slack accepted, per channel, oldest first (a call that failed is only in `calls`). */
  readonly posted = new Map<string, PostedDigest[]>();
  private tsCounter = 0;

  async postDigest(input: { teamId: string; channelId: string; digest: Digest; runId: string; lateFor: Date | null }) {
    this.record("postDigest", [input]);
    const post = { ts: this.nextTs(), runId: input.runId, digest: input.digest, lateFor: input.lateFor };
    this.posted.set(input.channelId, [...this.postsIn(input.channelId), post]);
    return { ts: post.ts };
  }

  async findDigest(input: { teamId: string; channelId: string; runId: string; since: Date }): Promise<FoundMessage> {
    this.record("findDigest", [input]);
    const post = this.postsIn(input.channelId).find((p) => p.runId === input.runId);
    return post ? { found: true, ts: post.ts } : { found: false };
  }

  async sendPersonal(input: { teamId: string; userId: string; digest: PersonalDigest; runId: string }) {
    this.record("sendPersonal", [input]);
    return { ts: this.nextTs() };
  }

  async tellAdmins(input: { teamId: string; userIds: string[]; channelId: string; reason: string }): Promise<void> {
    this.record("tellAdmins", [input]);
  }

  postsIn(channelId: string): PostedDigest[] {
    return this.posted.get(channelId) ?? [];
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1700000100.${String(this.tsCounter).padStart(6, "0")}`;
  }
}

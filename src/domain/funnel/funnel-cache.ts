// Figures already computed, per workspace and question, reused while the workspace's data has not changed. A
// `/funnel month` over 100,000 leads costs tens of milliseconds of database work; asking again costs one query of
// index lookups. Each replica keeps its own; the fingerprint lives in the database, so a write on any replica is seen.
import { LRUCache } from "lru-cache";
import { funnelFingerprint } from "../../db/funnel-fingerprint.js";
import type { FunnelDeps } from "./deps.js";
import type { Period } from "./periods.js";

interface Entry {
  fingerprint: string;
  computedAt: number;
  value: Promise<unknown>;
}

export interface Freshness {
  /**
   * Accept figures computed this long ago even if data changed since (the App Home's glance at the team funnel,
   * republished after every click); by default only figures of the data as it is now are reused.
   */
  maxAgeMs?: number;
}

/** After this long figures are computed again whatever the fingerprint says: "this week so far" moves with time. */
const TTL_MS = 60_000;

export class FunnelCache {
  private readonly entries = new LRUCache<string, Entry>({ max: 1_000, ttl: TTL_MS });

  constructor(private readonly deps: Pick<FunnelDeps, "db">) {}

  /** `compute`'s result for (teamId, key), shared with concurrent callers of the same question. */
  async get<T>(teamId: string, key: string, compute: () => Promise<T>, freshness: Freshness = {}): Promise<T> {
    const id = `${teamId}\u0000${key}`;
    const recent = freshness.maxAgeMs === undefined ? undefined : this.entries.get(id);
    if (recent && performance.now() - recent.computedAt <= (freshness.maxAgeMs ?? 0)) return recent.value as Promise<T>;
    const fingerprint = await funnelFingerprint(this.deps.db, teamId);
    // Read after the await: a concurrent caller may have started the same computation meanwhile.
    const current = this.entries.get(id);
    if (current?.fingerprint === fingerprint) return current.value as Promise<T>;
    const entry: Entry = { fingerprint, computedAt: performance.now(), value: compute() };
    this.entries.set(id, entry);
    // A failed computation is not kept (the next question computes again); its callers get the error themselves.
    entry.value.catch(() => {
      if (this.entries.get(id) === entry) this.entries.delete(id);
    });
    return entry.value as Promise<T>;
  }
}

/** One question about a period, as FunnelService.query reads it. */
interface PeriodQuestion {
  context: { teamId: string };
  period: Period;
  campaign?: { id: string };
}

/** `compute`'s answer to `kind` of question about the period, from the cache when there is one. */
export function cachedAnswer<T>(
  cache: FunnelCache | undefined,
  question: PeriodQuestion,
  kind: string,
  compute: () => Promise<T>,
  freshness?: Freshness,
): Promise<T> {
  if (!cache) return compute();
  // The whole unit, not its end: "this week so far" ends at now, which moves on every call (the TTL bounds that).
  const { unit, start, fullEnd } = question.period;
  const key = [kind, unit, start.toISOString(), fullEnd.toISOString(), question.campaign?.id ?? ""].join(" ");
  return cache.get(question.context.teamId, key, compute, freshness);
}

import type { Logger } from "../../lib/logger.js";
import type { Metrics } from "../../lib/metrics.js";
import type { FunnelDeps } from "../funnel/deps.js";
import type { FunnelCache } from "../funnel/funnel-cache.js";
import type { FunnelService } from "../funnel/funnel-service.js";
import type { DigestPublisher } from "./ports.js";

/** What digests, their schedules, runs and personal subscriptions need. */
export interface DigestDeps extends FunnelDeps {
  logger: Logger;
  publisher: DigestPublisher;
  /** Names this process in JobRun.claimedBy. */
  replicaId: string;
  /** Reads `/funnel` questions and campaign names. */
  funnel: FunnelService;
  /** Figures already counted; without it every digest on demand is computed afresh. */
  cache?: FunnelCache;
  /** Counts finished runs by outcome. */
  metrics?: Pick<Metrics, "digestRuns">;
}

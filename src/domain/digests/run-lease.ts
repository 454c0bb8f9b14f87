// A claimed run's lease: held while this replica works on it, taken over by another once it runs out.
import { renewLease } from "../../db/job-runs.js";
import type { DigestDeps } from "./deps.js";

export const LEASE_MS = 5 * 60_000;

/** The run this replica claimed: its row, its key, and this replica's name on the claim. */
export interface RunHandle {
  id: string;
  key: string;
  claimedBy: string;
}

/** Another replica took the run over (this one was too slow): stop quietly, the new owner finishes. */
export class LostLease extends Error {
  constructor(runKey: string) {
    super(`lost the lease on ${runKey}`);
    this.name = "LostLease";
  }
}

export async function holdLease(deps: Pick<DigestDeps, "db" | "clock">, run: RunHandle): Promise<void> {
  const until = new Date(deps.clock.now().getTime() + LEASE_MS);
  if (!(await renewLease(deps.db, run.id, run.claimedBy, until))) throw new LostLease(run.key);
}

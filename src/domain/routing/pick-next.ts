// Smooth weighted round-robin (as nginx balances upstreams): over time each rep gets picks in proportion to their
// weight, interleaved rather than in bursts (weights 2:1 give A, B, A, A, B, A ...).

export interface Candidate {
  id: string;
  weight: number;
  currentWeight: number;
  /** Away, outside working hours, at the daily cap or excluded: skipped this round, state unchanged. */
  eligible: boolean;
}

export interface Pick {
  id: string;
  /** New currentWeight of every eligible candidate. */
  weights: Map<string, number>;
}

/** The next candidate, or undefined when none is eligible. Ties go to the earlier candidate in the list. */
export function pickNext(candidates: readonly Candidate[]): Pick | undefined {
  const eligible = candidates.filter((c) => c.eligible && c.weight > 0);
  if (eligible.length === 0) return undefined;
  const total = eligible.reduce((sum, c) => sum + c.weight, 0);
  const weights = new Map(eligible.map((c) => [c.id, c.currentWeight + c.weight]));
  let best = eligible[0] as Candidate;
  for (const c of eligible) if ((weights.get(c.id) ?? 0) > (weights.get(best.id) ?? 0)) best = c;
  weights.set(best.id, (weights.get(best.id) ?? 0) - total);
  return { id: best.id, weights };
}

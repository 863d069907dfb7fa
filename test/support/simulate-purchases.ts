/**
 * Purchase histories drawn from the BG/NBD or MBG/NBD process with a seeded generator, to check predictions and
 * benchmark the fits on a known truth: λ ~ Gamma(r, rate α), p ~ Beta(a, b) drawn as Gₐ / (Gₐ + G_b); Poisson(λ)
 * purchases from the first at time 0, dropout with probability p after each repeat (MBG/NBD: also the first).
 */
import type { BgNbdParams } from '../../src/value/bgnbd-params.ts';
import { seededVariates } from './seeded-variates.ts';

export interface SimulatedPurchases {
  /** Calibration summary. */
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  /** Repeat purchases in the holdout (T, T + holdout]. */
  holdoutPurchases: Float64Array;
  /** 1 when the customer was still active at T (the truth P(alive) estimates). */
  aliveAtT: Uint8Array;
}

/**
 * One history per entry of `T` (first purchase to observation end). With `wholeUnits`, purchase times are floored
 * to whole units and purchases in the same unit merged, as a transaction summary in days does.
 */
export function simulatePurchases(
  params: BgNbdParams,
  T: Float64Array,
  holdout: number,
  seed: number,
  wholeUnits = false,
): SimulatedPurchases {
  const { uniform, gamma } = seededVariates(seed);
  const n = T.length;
  const out: SimulatedPurchases = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    T: Float64Array.from(T),
    holdoutPurchases: new Float64Array(n),
    aliveAtT: new Uint8Array(n),
  };
  const modified = params.variant === 'mbgnbd';
  for (let i = 0; i < n; i++) {
    const lambda = gamma(params.r) / params.alpha;
    const ga = gamma(params.a);
    const p = ga / (ga + gamma(params.b));
    const end = T[i] + holdout;
    let alive = !(modified && uniform() < p);
    let time = 0;
    let lastUnit = 0;
    while (alive) {
      time += -Math.log(uniform()) / lambda;
      if (time > end) break;
      const at = wholeUnits ? Math.floor(time) : time;
      if (at !== lastUnit || !wholeUnits) {
        if (time <= T[i]) {
          out.frequency[i]++;
          out.recency[i] = at;
        } else {
          out.holdoutPurchases[i]++;
        }
        lastUnit = at;
      }
      alive = uniform() >= p;
    }
    out.aliveAtT[i] = alive || time > T[i] ? 1 : 0;
  }
  return out;
}

/**
 * Bootstrap confidence interval for ROC-AUC: the percentile method (Efron & Tibshirani 1993, ch. 13), stratified —
 * each replicate draws n₁ churners and n₀ non-churners with replacement, so both classes occur and the base rate
 * stays that of the test split. Seeded xoroshiro128+: the same seed gives the same interval on every machine.
 * Percentiles interpolate like numpy's `np.quantile`.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { z } from 'zod';
import { quantileSorted } from './quantile.ts';
import { rocAucFromCounts } from './roc-auc.ts';
import { checkScoredLabels, requireBothClasses } from './scored-labels.ts';
import { forEachThreshold, type SplitScores, splitSorted } from './threshold-table.ts';

export const AucInterval = z.object({
  lower: z.number(),
  upper: z.number(),
  level: z.number(),
  replicates: z.number().int().positive(),
  seed: z.number().int(),
  method: z.literal('stratified percentile bootstrap'),
});
export type AucInterval = z.infer<typeof AucInterval>;

export interface BootstrapOptions {
  replicates?: number;
  seed?: number;
  level?: number;
}

export function bootstrapAucInterval(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  { replicates = 1000, seed = 42, level = 0.95 }: BootstrapOptions = {},
): AucInterval {
  checkScoredLabels(scores, labels, 'bootstrapAucInterval');
  requireBothClasses(labels, 'bootstrapAucInterval');
  if (!Number.isInteger(replicates) || replicates < 1) throw new Error(`bootstrapAucInterval: replicates must be a positive integer`);
  if (!(level > 0 && level < 1)) throw new Error(`bootstrapAucInterval: level must be in (0, 1)`);
  // One sort: a replicate only redraws how many of each class fall at each of the G distinct scores,
  // so it costs n draws plus one pass over G.
  const split = splitSorted(scores, labels);
  const { groupOfPositive, groupOfNegative, groups } = scoreGroups(split);
  const positivesAt = new Float64Array(groups);
  const negativesAt = new Float64Array(groups);
  const nPos = groupOfPositive.length;
  const nNeg = groupOfNegative.length;
  const aucs = new Float64Array(replicates);
  const rng = xoroshiro128plus(seed);
  for (let rep = 0; rep < replicates; rep++) {
    positivesAt.fill(0);
    negativesAt.fill(0);
    for (let k = 0; k < nPos; k++) positivesAt[groupOfPositive[drawIndex(rng, nPos)]]++;
    for (let k = 0; k < nNeg; k++) negativesAt[groupOfNegative[drawIndex(rng, nNeg)]]++;
    aucs[rep] = rocAucFromCounts(positivesAt, negativesAt);
  }
  aucs.sort();
  const alpha = (1 - level) / 2;
  return {
    lower: quantileSorted(aucs, alpha),
    upper: quantileSorted(aucs, 1 - alpha),
    level,
    replicates,
    seed,
    method: 'stratified percentile bootstrap',
  };
}

/** Index of each churner's and non-churner's distinct score, highest score = group 0. */
function scoreGroups(split: SplitScores): { groupOfPositive: Int32Array; groupOfNegative: Int32Array; groups: number } {
  const groupOfPositive = new Int32Array(split.positive.length);
  const groupOfNegative = new Int32Array(split.negative.length);
  let g = 0;
  let i = split.positive.length - 1;
  let j = split.negative.length - 1;
  forEachThreshold(split, (_t, tp, fp) => {
    for (let k = 0; k < tp; k++) groupOfPositive[i--] = g;
    for (let k = 0; k < fp; k++) groupOfNegative[j--] = g;
    g++;
  });
  return { groupOfPositive, groupOfNegative, groups: g };
}

/**
 * Uniform index in [0, n) from one 32-bit draw, unbiased by rejection (Lemire 2019's threshold with a modulo):
 * cheaper than pure-rand's general `uniformInt` for the bootstrap's replicates × n draws.
 */
function drawIndex(rng: RandomGenerator, n: number): number {
  const limit = 4294967296 - (4294967296 % n);
  for (;;) {
    const r = rng.next() >>> 0;
    if (r < limit) return r % n;
  }
}

/**
 * Rank agreement between the AHP weights and the learned shares: Spearman's ρ on mid-ranks (`scipy.stats.spearmanr`)
 * and Kendall's τ-b = (concordant − discordant) / √((n0 − n1)(n0 − n2)), n0 = n(n−1)/2, n1 and n2 the pairs tied in
 * x and in y (Kendall 1945, Biometrika 33:239–251; `scipy.stats.kendalltau`). Null when undefined (n < 2, or a
 * side with all values equal).
 */
import { sampleRankCorrelation } from 'simple-statistics';

/** @example spearmanRho([1, 2, 3], [1, 3, 2]) // => 0.5 */
export function spearmanRho(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error('spearmanRho: x and y differ in length');
  if (x.length < 2) return null;
  const r = sampleRankCorrelation([...x], [...y]);
  return Number.isFinite(r) ? r : null;
}

/**
 * Cost: O(n²) over pairs, for the handful of dimensions or indicators compared.
 * @example kendallTauB([1, 2, 3], [1, 3, 2]) // => 0.3333
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (y.length !== n) throw new Error('kendallTauB: x and y differ in length');
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx !== 0 && dy !== 0) {
        if (dx === dy) concordant++;
        else discordant++;
      }
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((n0 - tiedX) * (n0 - tiedY));
  return denominator > 0 ? (concordant - discordant) / denominator : null;
}

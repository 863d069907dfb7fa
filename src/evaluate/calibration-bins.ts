/**
 * Equal-width probability bins as scikit-learn 1.2's `calibration_curve(strategy="uniform")`: edges at k/nBins,
 * bin b holds (edge_b, edge_b+1] and the first also 0. Shared by ECE and the reliability table.
 */
import { checkScoredLabels } from './scored-labels.ts';

export interface CalibrationBins {
  /** Lower edge of each bin. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly count: Float64Array;
  /** Sum of predicted probabilities in the bin. */
  readonly sumPredicted: Float64Array;
  /** Number of churners in the bin. */
  readonly sumObserved: Float64Array;
}

export function calibrationBins(probabilities: ArrayLike<number>, labels: ArrayLike<number>, nBins = 10): CalibrationBins {
  checkScoredLabels(probabilities, labels, 'calibrationBins');
  if (!Number.isInteger(nBins) || nBins < 1) throw new Error(`calibrationBins: nBins must be a positive integer, got ${nBins}`);
  // Computed as numpy's linspace does (k × step), so a probability sitting on an edge lands in the same bin.
  const step = 1 / nBins;
  const edges = Float64Array.from({ length: nBins + 1 }, (_, k) => (k === nBins ? 1 : k * step));
  const count = new Float64Array(nBins);
  const sumPredicted = new Float64Array(nBins);
  const sumObserved = new Float64Array(nBins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i];
    if (p < 0 || p > 1) throw new Error(`calibrationBins: probability ${i} is ${p}, outside [0, 1]`);
    // Bin = number of interior edges strictly below p (numpy's searchsorted, side="left").
    let b = Math.min(nBins - 1, Math.max(0, Math.ceil(p * nBins) - 1));
    while (b > 0 && p <= edges[b]) b--;
    while (b < nBins - 1 && p > edges[b + 1]) b++;
    count[b]++;
    sumPredicted[b] += p;
    sumObserved[b] += labels[i];
  }
  return { lower: edges.slice(0, nBins), upper: edges.slice(1), count, sumPredicted, sumObserved };
}

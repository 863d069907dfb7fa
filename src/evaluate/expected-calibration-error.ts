/**
 * Expected calibration error over equal-width bins (Naeini et al. 2015; Guo et al. 2017, eq. 3):
 *   ECE = Σ_b (n_b / n) · | mean(y in b) − mean(p in b) |
 * with the bins of `calibrationBins`; empty bins contribute nothing.
 * @example expectedCalibrationError(new Float64Array([0.05, 0.05, 0.95, 0.95]), new Uint8Array([0, 1, 1, 1])); // => 0.25
 */
import { calibrationBins } from './calibration-bins.ts';

export function expectedCalibrationError(probabilities: ArrayLike<number>, labels: ArrayLike<number>, nBins = 10): number {
  const bins = calibrationBins(probabilities, labels, nBins);
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    if (bins.count[b] === 0) continue;
    ece += Math.abs(bins.sumObserved[b] - bins.sumPredicted[b]);
  }
  // Σ (n_b/n)|ȳ_b − p̄_b| = Σ |Σy − Σp| / n: one division, no per-bin rounding.
  return ece / labels.length;
}

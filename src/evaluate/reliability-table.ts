/**
 * The reliability table behind the reliability chart: per equal-width bin, customers, mean predicted churn
 * probability and observed churn rate; non-empty rows equal scikit-learn's `calibration_curve` (prob_pred, prob_true).
 */
import { z } from 'zod';
import { calibrationBins } from './calibration-bins.ts';

export const ReliabilityRow = z.object({
  lower: z.number(),
  upper: z.number(),
  count: z.number().int().nonnegative(),
  /** Null for an empty bin. */
  meanPredicted: z.number().nullable(),
  observedRate: z.number().nullable(),
});
export type ReliabilityRow = z.infer<typeof ReliabilityRow>;

export function reliabilityTable(probabilities: ArrayLike<number>, labels: ArrayLike<number>, nBins = 10): ReliabilityRow[] {
  const bins = calibrationBins(probabilities, labels, nBins);
  return Array.from(bins.count, (n, b) => ({
    lower: bins.lower[b],
    upper: bins.upper[b],
    count: n,
    meanPredicted: n === 0 ? null : bins.sumPredicted[b] / n,
    observedRate: n === 0 ? null : bins.sumObserved[b] / n,
  }));
}

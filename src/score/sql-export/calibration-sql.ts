/**
 * The calibrator as SQL over a margin column, as `applyCalibrator` computes it:
 * - Platt: p = 1 / (1 + EXP(a·margin + b));
 * - isotonic: u = 1 / (1 + EXP(−margin)), clipped to [x₀, x_last], then interpolated on the segment
 *   (x_{k−1}, x_k] holding u (the first k ≥ 1 with x_k ≥ u: numpy's searchsorted, as `predictIsotonic`), a CASE
 *   over the thresholds. Slopes are computed here in float64 as `predictIsotonic` computes them, so the engine
 *   repeats the same arithmetic. Isotonic reads the clipped value several times, so the query nests two steps.
 */
import type { CalibratorSpec } from '../../calibrate/calibrator.ts';
import { doubleLiteral } from './sql-literal.ts';

export interface CalibrationSql {
  /** Expression over the margin column giving the value the final step reads (null: none). */
  readonly clipped: string | null;
  /** The calibrated probability, over `clipped`'s column when there is one, else over the margin column. */
  readonly probability: string;
}

const sigmoidOf = (expression: string): string => `(1E0 / (1E0 + EXP(${expression})))`;

export function calibrationSql(spec: CalibratorSpec, marginColumn: string, clippedColumn: string): CalibrationSql {
  if (spec.kind === 'platt') {
    return { clipped: null, probability: sigmoidOf(`${doubleLiteral(spec.a)} * ${marginColumn} + ${doubleLiteral(spec.b)}`) };
  }
  const { x, y } = spec;
  const m = x.length;
  if (m === 1) return { clipped: null, probability: doubleLiteral(y[0]) };
  const u = sigmoidOf(`-${marginColumn}`);
  const clipped = `CASE WHEN ${u} < ${doubleLiteral(x[0])} THEN ${doubleLiteral(x[0])} WHEN ${u} > ${doubleLiteral(x[m - 1])} THEN ${doubleLiteral(x[m - 1])} ELSE ${u} END`;
  const segment = (k: number): string => {
    const slope = (y[k] - y[k - 1]) / (x[k] - x[k - 1]);
    return `${doubleLiteral(slope)} * (${clippedColumn} - ${doubleLiteral(x[k - 1])}) + ${doubleLiteral(y[k - 1])}`;
  };
  const branches: string[] = [];
  for (let k = 1; k < m - 1; k++) branches.push(`WHEN ${clippedColumn} <= ${doubleLiteral(x[k])} THEN ${segment(k)}`);
  const probability = branches.length === 0 ? `(${segment(m - 1)})` : `CASE ${branches.join(' ')} ELSE ${segment(m - 1)} END`;
  return { clipped, probability };
}

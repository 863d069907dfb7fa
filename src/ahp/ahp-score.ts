/**
 * The AHP score of each row: every indicator mapped to 0–100 by its percentile among the rows of the same
 * cutoff (`percentileScores`), turned around (100 − p) where higher is riskier, then averaged with the global
 * weights. Percentiles are per cutoff so that a customer is compared with the population of the same moment.
 */
import type { Matrix } from '../learn/matrix.ts';
import { percentileScores } from './percentile-scores.ts';

/** Feature columns of a snapshot table: one row per (customer, cutoff). */
export interface FeatureColumns {
  /** The cutoff of each row (epoch ms); rows with the same cutoff form one population. */
  readonly cutoff: ArrayLike<number>;
  readonly columns: Readonly<Record<string, Float64Array>>;
}

export interface WeightedIndicator {
  readonly feature: string;
  /** Weight in the score; the weights are normalised to sum 1 here. */
  readonly globalWeight: number;
  readonly direction: 'healthier' | 'riskier';
}

export interface AhpScores {
  /** 0–100 per row. */
  readonly score: Float64Array;
  /** rows × indicators, the oriented 0–100 indicator scores (higher = healthier), row-major. */
  readonly indicatorScores: Matrix;
}

/** Row indices grouped by cutoff value. Cost: O(n) with a Map. */
function rowsByCutoff(cutoff: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < cutoff.length; i++) {
    const g = groups.get(cutoff[i]);
    if (g) g.push(i);
    else groups.set(cutoff[i], [i]);
  }
  return [...groups.values()];
}

/**
 * Throws when an indicator's column is absent or of the wrong length (the caller builds the table
 * from the same dictionary the indicators were resolved against, so this is a bug).
 */
export function ahpScores(table: FeatureColumns, indicators: readonly WeightedIndicator[]): AhpScores {
  const n = table.cutoff.length;
  const k = indicators.length;
  const total = indicators.reduce((s, ind) => s + ind.globalWeight, 0);
  if (!(total > 0)) throw new Error('ahpScores: the indicator weights sum to 0');
  const groups = rowsByCutoff(table.cutoff);
  const data = new Float64Array(n * k);
  const score = new Float64Array(n);
  for (let c = 0; c < k; c++) {
    const ind = indicators[c];
    const column = table.columns[ind.feature];
    if (!column || column.length !== n) throw new Error(`ahpScores: no column of ${n} rows for feature "${ind.feature}"`);
    const w = ind.globalWeight / total;
    for (const rows of groups) {
      const values = new Float64Array(rows.length);
      for (let t = 0; t < rows.length; t++) values[t] = column[rows[t]];
      const p = percentileScores(values);
      for (let t = 0; t < rows.length; t++) {
        const v = ind.direction === 'riskier' ? 100 - p[t] : p[t];
        data[rows[t] * k + c] = v;
        score[rows[t]] += w * v;
      }
    }
  }
  return { score, indicatorScores: { rows: n, cols: k, data } };
}

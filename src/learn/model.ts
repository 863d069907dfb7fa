/**
 * What every churn model offers the rest of the pipeline (calibration, evaluation, scoring,
 * reasons, reports), whatever its kind. Margins are log-odds of churn within the horizon.
 */
import type { Matrix } from './matrix.ts';

export type ModelKind = 'logistic' | 'gbdt';

export interface Contributions {
  /** The margin every row starts from (intercept, or the expected value under TreeSHAP). */
  readonly base: number;
  /** rows × cols, row-major: how much feature j moved row i's margin; base + row sum = margin. */
  readonly values: Float64Array;
}

export interface ChurnModel {
  readonly kind: ModelKind;
  /** The matrix columns the model was trained on, in order. */
  readonly featureNames: readonly string[];
  /**
   * Raw log-odds of churn for every row, into `into` when long enough; on up to `threads` threads
   * (default `defaultThreads()`), the same margins for any count.
   */
  margin(x: Matrix, into?: Float64Array, threads?: number): Float64Array;
  /** The same margins computed off the calling thread where the model can, so a batch job reads on. */
  marginAsync?(x: Matrix, into: Float64Array, threads?: number): Promise<Float64Array>;
  /** Per-row, per-feature additive contributions to the margin (coef × value, or exact TreeSHAP). */
  contributions(x: Matrix, into?: Float64Array, threads?: number): Contributions;
}

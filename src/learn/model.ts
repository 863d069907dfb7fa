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
  /** Names of the matrix columns the model was trained on, in order. */
  readonly featureNames: readonly string[];
  /**
   * Raw log-odds of churn for every row; into `into` when it is long enough (a batch job reuses
   * one). `threads`: the most threads the call may use, the calling one included (default
   * `defaultThreads()`); the margins are the same for any count.
   */
  margin(x: Matrix, into?: Float64Array, threads?: number): Float64Array;
  /**
   * The same margins into `into`, computed off the calling thread where the model can (the
   * GBDT's trees on the worker pool), so a batch job reads its next chunk meanwhile.
   */
  marginAsync?(x: Matrix, into: Float64Array, threads?: number): Promise<Float64Array>;
  /**
   * Per-row, per-feature additive contributions to the margin (coef × value, or exact TreeSHAP).
   * `into`, when large enough, holds the values (a batch job reuses one buffer across chunks).
   */
  contributions(x: Matrix, into?: Float64Array, threads?: number): Contributions;
}

/**
 * A fitted logistic regression as a `ChurnModel`: margin = x·β + b, its probability σ(margin),
 * contributions β_j·x_ij with base b (on standardised columns, the push of each feature away from
 * the average customer).
 * Plain float64 loops (linear-margin.ts): scoring is one multiply-add per cell, faster than a
 * round trip through tensors, and exact.
 */
import type { Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions } from '../model.ts';
import { compileKernel, linearMargin, linearMarginSource } from './linear-margin.ts';
import type { LinearOutput } from './linear-margin.ts';
import type { LogisticSpec } from './logistic-spec.ts';
import { MarginTeam, MIN_TEAM_CELLS } from './margin-team.ts';

// A model dropped with its worker running takes the worker with it when it is collected.
const closeWithModel = new FinalizationRegistry<MarginTeam>((team) => team.close());

export interface LogisticModel extends ChurnModel {
  readonly kind: 'logistic';
  readonly spec: LogisticSpec;
  /**
   * σ(x·β + b) for every row: the model's own churn probability before calibration, what
   * scikit-learn's `predict_proba(X)[:, 1]` gives; into `into` when it is long enough.
   */
  probability(x: Matrix, into?: Float64Array): Float64Array;
}

/** Kernel positions in the team's list (margin-team.ts). */
const OUTPUTS: readonly LinearOutput[] = ['margin', 'probability'];

export function logisticModel(spec: LogisticSpec): LogisticModel {
  if (spec.coefficients.length !== spec.featureNames.length) {
    throw new Error(`logisticModel: ${spec.coefficients.length} coefficients for ${spec.featureNames.length} features`);
  }
  const beta = Float64Array.from(spec.coefficients);
  const p = beta.length;
  const sources = OUTPUTS.map((output) => linearMarginSource(beta, spec.intercept, output));
  const compiled = sources.map((source) => (source === null ? null : compileKernel(source)));
  const kernels = OUTPUTS.map((output, k) => compiled[k] ?? linearMargin(beta, spec.intercept, output));
  // Started at the first matrix large enough to share (margin-team.ts); null once it has failed.
  let team: MarginTeam | null | undefined;
  const check = (x: Matrix): void => {
    if (x.cols !== p) throw new Error(`logistic model expects ${p} columns, the matrix has ${x.cols}`);
  };
  const rowsOf = (x: Matrix, which: number, into?: Float64Array): Float64Array => {
    check(x);
    const out = into !== undefined && into.length >= x.rows ? into.subarray(0, x.rows) : new Float64Array(x.rows);
    const kernel = compiled[which];
    if (kernel !== null && x.rows * p >= MIN_TEAM_CELLS && x.data.buffer instanceof SharedArrayBuffer) {
      if (team === undefined) {
        const bodies = sources.filter((source): source is string => source !== null);
        team = bodies.length === OUTPUTS.length ? MarginTeam.start(bodies, p) : null;
        if (team !== null) closeWithModel.register(model, team);
      }
      if (team !== null && !team.usable) team = null;
      if (team?.run(x, out, which, kernel)) return out;
    }
    kernels[which](x.data, out, x.rows);
    return out;
  };
  const model: LogisticModel = {
    kind: 'logistic',
    spec,
    featureNames: spec.featureNames,
    margin: (x, into) => rowsOf(x, 0, into),
    probability: (x, into) => rowsOf(x, 1, into),
    contributions(x: Matrix, into?: Float64Array): Contributions {
      check(x);
      const cells = x.rows * p;
      const values = into !== undefined && into.length >= cells ? into.subarray(0, cells) : new Float64Array(cells);
      for (let k = 0; k < values.length; k++) values[k] = beta[k % p] * x.data[k];
      return { base: spec.intercept, values };
    },
  };
  return model;
}

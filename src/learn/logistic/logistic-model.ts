/**
 * A fitted logistic regression as a `ChurnModel`: margin = x·β + b, contributions β_j·x_ij with
 * base b (on standardised columns, the push of each feature away from the average customer).
 * Plain float64 loops (linear-margin.ts): scoring is one multiply-add per cell, faster than a
 * round trip through tensors, and exact.
 */
import type { Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions } from '../model.ts';
import { compileKernel, linearMargin, linearMarginSource } from './linear-margin.ts';
import type { LogisticSpec } from './logistic-spec.ts';
import { MarginTeam, MIN_TEAM_CELLS } from './margin-team.ts';

// A model dropped with its worker running takes the worker with it when it is collected.
const closeWithModel = new FinalizationRegistry<MarginTeam>((team) => team.close());

export interface LogisticModel extends ChurnModel {
  readonly kind: 'logistic';
  readonly spec: LogisticSpec;
}

export function logisticModel(spec: LogisticSpec): LogisticModel {
  if (spec.coefficients.length !== spec.featureNames.length) {
    throw new Error(`logisticModel: ${spec.coefficients.length} coefficients for ${spec.featureNames.length} features`);
  }
  const beta = Float64Array.from(spec.coefficients);
  const p = beta.length;
  const source = linearMarginSource(beta, spec.intercept);
  const compiled = source === null ? null : compileKernel(source);
  const kernel = compiled ?? linearMargin(beta, spec.intercept);
  // Started at the first matrix large enough to share (margin-team.ts); null once it has failed.
  let team: MarginTeam | null | undefined;
  const check = (x: Matrix): void => {
    if (x.cols !== p) throw new Error(`logistic model expects ${p} columns, the matrix has ${x.cols}`);
  };
  const model: LogisticModel = {
    kind: 'logistic',
    spec,
    featureNames: spec.featureNames,
    margin(x: Matrix, into?: Float64Array): Float64Array {
      check(x);
      const out = into !== undefined && into.length >= x.rows ? into.subarray(0, x.rows) : new Float64Array(x.rows);
      if (compiled !== null && source !== null && x.rows * p >= MIN_TEAM_CELLS && x.data.buffer instanceof SharedArrayBuffer) {
        if (team === undefined) {
          team = MarginTeam.start(source, p);
          if (team !== null) closeWithModel.register(model, team);
        }
        if (team !== null && !team.usable) team = null;
        if (team?.margin(x, out, compiled)) return out;
      }
      kernel(x.data, out, x.rows);
      return out;
    },
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

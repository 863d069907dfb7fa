/**
 * A fitted logistic regression as a `ChurnModel`: margin = x·β + b, contributions β_j·x_ij with
 * base b (on standardised columns, the push of each feature away from the average customer).
 * Plain float64 loops: scoring is one multiply-add per cell, faster than a round trip through
 * tensors, and exact.
 */
import type { Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions } from '../model.ts';
import type { LogisticSpec } from './logistic-spec.ts';

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
  const check = (x: Matrix): void => {
    if (x.cols !== p) throw new Error(`logistic model expects ${p} columns, the matrix has ${x.cols}`);
  };
  return {
    kind: 'logistic',
    spec,
    featureNames: spec.featureNames,
    margin(x: Matrix): Float64Array {
      check(x);
      const out = new Float64Array(x.rows);
      const X = x.data;
      // Cost: rows × cols multiply-adds; four accumulators let the CPU overlap them.
      for (let i = 0, o = 0; i < x.rows; i++, o += p) {
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let j = 0;
        for (; j + 3 < p; j += 4) {
          s0 += X[o + j] * beta[j];
          s1 += X[o + j + 1] * beta[j + 1];
          s2 += X[o + j + 2] * beta[j + 2];
          s3 += X[o + j + 3] * beta[j + 3];
        }
        for (; j < p; j++) s0 += X[o + j] * beta[j];
        out[i] = spec.intercept + (s0 + s1 + (s2 + s3));
      }
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
}

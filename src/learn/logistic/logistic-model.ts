/**
 * A fitted logistic regression as a `ChurnModel`: margin = x·β + b, probability σ(margin),
 * contributions β_j·x_ij with base b. Plain float64 kernels, faster than tensors and exact; a large
 * shared matrix is scored on the worker pool's threads, with the same bits.
 */
import { defaultThreads, workerPool } from '../../parallel/pool.ts';
import type { SharedResource } from '../../parallel/pool.ts';
import { designData, inSharedMemory } from '../matrix.ts';
import type { Matrix } from '../matrix.ts';
import type { ChurnModel, Contributions } from '../model.ts';
import { linearMarginKernel, marginKernels } from './linear-margin.ts';
import type { LinearOutput, SharedCoefficients } from './linear-margin.ts';
import type { LogisticSpec } from './logistic-spec.ts';

/** Below this many cells one thread is as fast: a pool job's messages cost ~0.1 ms. */
const MIN_PARALLEL_CELLS = 1 << 22;
const ROWS_PER_CHUNK = 32_768;

// Coefficients shared with the pool at a model's first large matrix are released when it is collected.
const releaseWithModel = new FinalizationRegistry<SharedResource>((coefficients) => coefficients.release());

export interface LogisticModel extends ChurnModel {
  readonly kind: 'logistic';
  readonly spec: LogisticSpec;
  /** σ(x·β + b) for every row, before calibration: scikit-learn's `predict_proba(X)[:, 1]`. */
  probability(x: Matrix, into?: Float64Array, threads?: number): Float64Array;
}

export function logisticModel(spec: LogisticSpec): LogisticModel {
  if (spec.coefficients.length !== spec.featureNames.length) {
    throw new Error(`logisticModel: ${spec.coefficients.length} coefficients for ${spec.featureNames.length} features`);
  }
  const beta = Float64Array.from(spec.coefficients);
  const p = beta.length;
  const kernels = marginKernels(beta, spec.intercept);
  let shared: SharedResource | null = null;
  // Where the pool's threads write the rows of a caller's array in ordinary memory; grown as needed.
  let scratch: Float64Array = new Float64Array(0);
  const check = (x: Matrix): void => {
    if (x.cols !== p) throw new Error(`logistic model expects ${p} columns, the matrix has ${x.cols}`);
  };
  const rowsOf = (x: Matrix, output: LinearOutput, into: Float64Array | undefined, threads = defaultThreads()): Float64Array => {
    check(x);
    const usable = into !== undefined && into.length >= x.rows;
    const parallel = threads > 1 && x.rows * p >= MIN_PARALLEL_CELLS && inSharedMemory(x.data);
    if (!parallel) {
      const out = usable ? into.subarray(0, x.rows) : new Float64Array(x.rows);
      kernels[output](x.data, out, x.rows);
      return out;
    }
    if (shared === null) {
      const coefficients: SharedCoefficients = { beta, intercept: spec.intercept };
      shared = workerPool().share(coefficients);
      releaseWithModel.register(model, shared);
    }
    const out = usable ? into.subarray(0, x.rows) : designData(x.rows, true);
    let target = out;
    if (!inSharedMemory(out)) {
      if (scratch.length < x.rows) scratch = designData(x.rows, true);
      target = scratch.subarray(0, x.rows);
    }
    const args = { coefficients: shared.id, output, X: x.data, out: target, rows: x.rows, p, rowsPerChunk: ROWS_PER_CHUNK };
    const chunks = Math.ceil(x.rows / ROWS_PER_CHUNK);
    workerPool().run(linearMarginKernel, args, chunks, threads);
    if (target !== out) out.set(target);
    return out;
  };
  const model: LogisticModel = {
    kind: 'logistic',
    spec,
    featureNames: spec.featureNames,
    margin: (x: Matrix, into?: Float64Array, threads?: number) => rowsOf(x, 'margin', into, threads),
    probability: (x, into, threads) => rowsOf(x, 'probability', into, threads),
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

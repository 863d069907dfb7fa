/**
 * x·β + b for every row (the logistic margin, batch scoring's inner loop), or σ of it. The compiled
 * kernel writes β as literals (as ../gbdt/compile.ts does for trees), so V8 keeps them in registers;
 * it adds the same terms in the same order as the loop, so their margins are bit-identical.
 */
import { sigmoid } from '../../calibrate/sigmoid.ts';
import { kernel } from '../../parallel/kernel.ts';
import { numberLiteral } from '../number-literal.ts';

/** Writes the margins (or probabilities) of rows [0, rows) of X (p columns) into out. */
export type MarginKernel = (X: Float64Array, out: Float64Array, rows: number) => void;

/** What a kernel writes: the margin x·β + b, or σ of it. */
export type LinearOutput = 'margin' | 'probability';

/** Beyond this many columns the generated function would be too long to be worth compiling. */
const MAX_COMPILED_COLUMNS = 1024;

/** The loop over β: term j into sum j mod 4 (the tail into the first), b + (s0 + s1 + (s2 + s3)). */
export function linearMargin(beta: Float64Array, intercept: number, output: LinearOutput = 'margin'): MarginKernel {
  const p = beta.length;
  const margins: MarginKernel = (X, out, rows) => {
    for (let i = 0, o = 0; i < rows; i++, o += p) {
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
      out[i] = intercept + (s0 + s1 + (s2 + s3));
    }
  };
  return output === 'margin' ? margins : probabilities(margins, p);
}

/** Rows a probability kernel takes at a time: their margins stay in cache for σ. */
const SIGMOID_BLOCK = 4096;

/**
 * σ of the margins, block by block through this kernel's own memory: σ in place would let a block
 * computed twice, as the pool may, hold σ(σ(m)); σ inside the unrolled loop is slower (docs/logistic.md).
 */
function probabilities(margins: MarginKernel, p: number): MarginKernel {
  const block = new Float64Array(SIGMOID_BLOCK);
  return (X, out, rows) => {
    for (let from = 0; from < rows; from += SIGMOID_BLOCK) {
      const n = Math.min(SIGMOID_BLOCK, rows - from);
      margins(X.subarray(from * p, (from + n) * p), block, n);
      for (let i = 0; i < n; i++) out[from + i] = sigmoid(block[i]);
    }
  };
}

/** `linearMargin` unrolled, β and b as literals; null past `MAX_COMPILED_COLUMNS` or without eval. */
export function compileLinearMargin(beta: Float64Array, intercept: number, output: LinearOutput = 'margin'): MarginKernel | null {
  const p = beta.length;
  if (p > MAX_COMPILED_COLUMNS) return null;
  const acc: string[][] = [['0'], ['0'], ['0'], ['0']];
  const full = p - (p % 4);
  for (let j = 0; j < p; j++) acc[j < full ? j % 4 : 0].push(`X[o + ${j}] * ${numberLiteral(beta[j])}`);
  const [s0, s1, s2, s3] = acc.map((terms) => `(${terms.join(' + ')})`);
  const body = `for (let i = 0, o = 0; i < rows; i++, o += ${p}) out[i] = ${numberLiteral(intercept)} + (${s0} + ${s1} + (${s2} + ${s3}));`;
  let margins: MarginKernel;
  try {
    margins = new Function('X', 'out', 'rows', body) as MarginKernel;
  } catch {
    return null;
  }
  return output === 'margin' ? margins : probabilities(margins, p);
}

/** The margin and probability kernels of a model: compiled where possible, else the loop. */
export function marginKernels(beta: Float64Array, intercept: number): Record<LinearOutput, MarginKernel> {
  const margin = compileLinearMargin(beta, intercept) ?? linearMargin(beta, intercept);
  return { margin, probability: probabilities(margin, beta.length) };
}

/** A model's coefficients as the pool shares them (`WorkerPool.share`). */
export interface SharedCoefficients {
  readonly beta: Float64Array;
  readonly intercept: number;
}

interface LinearMarginArgs {
  /** Pool resource: the model's `SharedCoefficients`. */
  readonly coefficients: number;
  readonly output: LinearOutput;
  readonly X: Float64Array;
  readonly out: Float64Array;
  readonly rows: number;
  readonly p: number;
  readonly rowsPerChunk: number;
}

/**
 * A chunk of rows through the model's kernel, compiled once per thread. Outputs are written once and
 * never read back, so a chunk computed twice (the pool redoes a stalled worker's) holds the same bits.
 */
export const linearMarginKernel = kernel<LinearMarginArgs>(import.meta.url, 'linearMarginKernel', (a, chunk, context) => {
  const kernels = context.derived(a.coefficients, () => {
    const { beta, intercept } = context.resource<SharedCoefficients>(a.coefficients);
    return marginKernels(beta, intercept);
  });
  const from = chunk * a.rowsPerChunk;
  const to = Math.min(a.rows, from + a.rowsPerChunk);
  kernels[a.output](a.X.subarray(from * a.p, to * a.p), a.out.subarray(from, to), to - from);
});

/**
 * The L2-penalised logistic loss on scikit-learn 1.2's scale (`LinearModelLoss`, `l2_reg_strength = 1/C`):
 *   F(β, b) = Σᵢ wᵢ · [softplus(mᵢ) − yᵢ·mᵢ] + ‖β‖² / (2C),   mᵢ = xᵢ·β + b, b unpenalised,
 * sklearn's C·Σ wᵢ·loglossᵢ + ½‖β‖² divided by C, so `tol` means what it means to sklearn.
 * Parameters are packed θ = [β₀ … β_{p−1}, b].
 */
import { sigmoid } from '../../calibrate/sigmoid.ts';
import { kernel } from '../../parallel/kernel.ts';
import { workerPool } from '../../parallel/pool.ts';
import { designData, inSharedMemory } from '../matrix.ts';
import type { Matrix } from '../matrix.ts';

export interface LogisticProblem {
  readonly x: Matrix;
  /** 1 = churned, 0 = stayed. */
  readonly y: Float64Array;
  /** Per-row weights (class weights folded in), or null for all ones. */
  readonly w: Float64Array | null;
  readonly C: number;
}

/**
 * Every sum over rows is split into this many contiguous shares, summed apart and added in order:
 * the same float64 result whichever threads compute them, so a fit does not depend on the thread count.
 */
export const SHARES = 4;

/** First row (or sampled row) of share s of n. */
export function shareStart(n: number, s: number): number {
  return Math.round((s * n) / SHARES);
}

interface LossShareArgs {
  readonly X: Float64Array;
  readonly n: number;
  readonly p: number;
  readonly y: Float64Array;
  readonly w: Float64Array | null;
  readonly theta: Float64Array;
  /** Share s writes its gradient to out[s·(p+2) …] and its loss after it. */
  readonly out: Float64Array;
}

/**
 * Share s of the loss and gradient, summed in this thread's memory and stored once, so a share
 * computed twice (the pool redoes a stalled worker's) writes the same bits.
 */
export const lossShareKernel = kernel<LossShareArgs>(import.meta.url, 'lossShareKernel', (a, s) => {
  const { n, p } = a;
  const share = new Float64Array(p + 2);
  share[p + 1] = lossShare(a.X, p, a.y, a.w, a.theta, shareStart(n, s), shareStart(n, s + 1), share.subarray(0, p + 1));
  a.out.set(share, s * (p + 2));
});

/** Rows of a block in `hessianShare` (its scratch strips are (p+1)·64 long). */
const HESSIAN_BLOCK = 64;

interface HessianShareArgs {
  readonly X: Float64Array;
  readonly p: number;
  readonly w: Float64Array | null;
  readonly theta: Float64Array;
  readonly rows: Int32Array;
  /** Share s writes its lower triangle to out[s·(p+1)² …]. */
  readonly out: Float64Array;
}

/** Share s of the Hessian's data term; stored once, as `lossShareKernel`. */
export const hessianShareKernel = kernel<HessianShareArgs>(import.meta.url, 'hessianShareKernel', (a, s) => {
  const q = a.p + 1;
  const m = a.rows.length;
  const h = new Float64Array(q * q);
  hessianShare(a.X, a.p, a.w, a.theta, a.rows, shareStart(m, s), shareStart(m, s + 1), h, new Float64Array(q * HESSIAN_BLOCK), new Float64Array(q * HESSIAN_BLOCK));
  a.out.set(h, s * q * q);
});

/** Threads for a sum over rows: 1 unless every array is shared (a worker's copy costs the pass). */
function sumThreads(threads: number, ...arrays: (ArrayBufferView | null)[]): number {
  return threads > 1 && arrays.every(inSharedMemory) ? Math.min(threads, SHARES) : 1;
}

/** F and ∇F in float64. Cost: 2·rows·cols multiply-adds plus one exp and one log1p per row. */
export function penalizedLogLoss(problem: LogisticProblem, theta: Float64Array, grad: Float64Array, threads = 1): number {
  const { x, y, w, C } = problem;
  const p = x.cols;
  const stride = p + 2;
  const t = sumThreads(threads, x.data, y, w);
  const out = designData(SHARES * stride, t > 1);
  workerPool().run(lossShareKernel, { X: x.data, n: x.rows, p, y, w, theta, out }, SHARES, t);
  grad.fill(0);
  let loss = 0;
  for (let s = 0; s < SHARES; s++) {
    for (let j = 0; j <= p; j++) grad[j] += out[s * stride + j];
    loss += out[s * stride + p + 1];
  }
  return loss + l2Penalty(theta, grad, p, C);
}

/** ‖β‖² / (2C), returned, and its gradient β/C added into grad (the intercept θ[p] unpenalised). */
export function l2Penalty(theta: Float64Array, grad: Float64Array, p: number, C: number): number {
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    penalty += theta[j] * theta[j];
    grad[j] += theta[j] / C;
  }
  return penalty / (2 * C);
}

/**
 * Σ wᵢ·[softplus(mᵢ) − yᵢ·mᵢ] over rows [from, to), returned, and its gradient (β then b) into grad
 * (zeroed), in one fused pass while each row is in cache.
 */
function lossShare(
  X: Float64Array,
  p: number,
  y: Float64Array,
  w: Float64Array | null,
  theta: Float64Array,
  from: number,
  to: number,
  grad: Float64Array,
): number {
  const b = theta[p];
  let loss = 0;
  let gb = 0;
  // Two rows per step: each grad[j] is loaded and stored once per pair of rows, not per row.
  // A row alone at the end is paired with itself at weight 0.
  for (let i = from; i < to; i += 2) {
    const o = i * p;
    const last = i + 1 === to;
    const u = last ? o : o + p;
    let a0 = 0;
    let a1 = 0;
    let c0 = 0;
    let c1 = 0;
    let j = 0;
    for (; j + 1 < p; j += 2) {
      a0 += X[o + j] * theta[j];
      a1 += X[o + j + 1] * theta[j + 1];
      c0 += X[u + j] * theta[j];
      c1 += X[u + j + 1] * theta[j + 1];
    }
    if (j < p) {
      a0 += X[o + j] * theta[j];
      c0 += X[u + j] * theta[j];
    }
    const m0 = b + (a0 + a1);
    const m1 = b + (c0 + c1);
    const w0 = w === null ? 1 : w[i];
    const w1 = last ? 0 : w === null ? 1 : w[i + 1];
    const y0 = y[i];
    const y1 = last ? 0 : y[i + 1];
    // softplus(m) = max(m, 0) + log1p(e^{−|m|}) and σ(m) share e^{−|m|}; neither overflows.
    const e0 = Math.exp(-Math.abs(m0));
    const e1 = Math.exp(-Math.abs(m1));
    loss += w0 * ((m0 > 0 ? m0 : 0) + Math.log1p(e0) - y0 * m0);
    if (!last) loss += w1 * ((m1 > 0 ? m1 : 0) + Math.log1p(e1) - y1 * m1);
    const r0 = w0 * ((m0 >= 0 ? 1 : e0) / (1 + e0) - y0);
    const r1 = w1 * ((m1 >= 0 ? 1 : e1) / (1 + e1) - y1);
    gb += r0 + r1;
    for (let k = 0; k < p; k++) grad[k] += X[o + k] * r0 + X[u + k] * r1;
  }
  grad[p] = gb;
  return loss;
}

/**
 * ∇²F in float64, (p+1)² row-major, intercept last: X̃ᵀ·diag(w·σ(1−σ))·X̃ (X̃ = [X | 1]) plus I/C on
 * the β block. Given `rows`, the data term comes from those rows scaled up: a sub-sampled Hessian
 * (Byrd, Chin, Neveitt & Nocedal 2011), relative error ~√(p/m). Cost: m·(p+1)(p+2)/2 multiply-adds.
 */
export function penalizedLogLossHessian(problem: LogisticProblem, theta: Float64Array, rows: Int32Array | null = null, threads = 1): Float64Array {
  const { x, w, C } = problem;
  const p = x.cols;
  const q = p + 1;
  const all = rows ?? Int32Array.from({ length: x.rows }, (_, i) => i);
  const m = all.length;
  const t = sumThreads(threads, x.data, w, all);
  const out = designData(SHARES * q * q, t > 1);
  workerPool().run(hessianShareKernel, { X: x.data, p, w, theta, rows: all, out }, SHARES, t);
  const h = new Float64Array(q * q);
  for (let s = 0; s < SHARES; s++) {
    for (let k = 0; k < q * q; k++) h[k] += out[s * q * q + k];
  }
  const scale = x.rows / m;
  for (let j = 0; j < q; j++) {
    for (let l = 0; l <= j; l++) {
      h[j * q + l] *= scale;
      h[l * q + j] = h[j * q + l];
    }
  }
  for (let j = 0; j < p; j++) h[j * q + j] += 1 / C;
  return h;
}

/**
 * The lower triangle of Σ dᵢ·x̃ᵢx̃ᵢᵀ (dᵢ = wᵢσ(mᵢ)(1−σ(mᵢ))) over rows[from…to), added into h. Blocks
 * of rows are transposed into column strips, so each entry is a dot product held in registers.
 */
function hessianShare(
  X: Float64Array,
  p: number,
  w: Float64Array | null,
  theta: Float64Array,
  rows: Int32Array,
  from: number,
  to: number,
  h: Float64Array,
  strip: Float64Array,
  weighted: Float64Array,
): void {
  const B = HESSIAN_BLOCK;
  const q = p + 1;
  for (let start = from; start < to; start += B) {
    const size = Math.min(B, to - start);
    for (let k = 0; k < size; k++) {
      const i = rows[start + k];
      const o = i * p;
      let z = theta[p];
      for (let j = 0; j < p; j++) z += X[o + j] * theta[j];
      const s = sigmoid(z);
      const d = (w === null ? 1 : w[i]) * s * (1 - s);
      for (let j = 0; j < p; j++) {
        strip[j * B + k] = X[o + j];
        weighted[j * B + k] = d * X[o + j];
      }
      strip[p * B + k] = 1;
      weighted[p * B + k] = d;
    }
    // Four entries of a row of H per sweep: each weighted value loaded serves four multiply-adds.
    for (let j = 0; j < q; j++) {
      const a = j * B;
      const hj = j * q;
      let l = 0;
      for (; l + 3 <= j; l += 4) {
        const c = l * B;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let k = 0; k < size; k++) {
          const v = weighted[a + k];
          s0 += v * strip[c + k];
          s1 += v * strip[c + B + k];
          s2 += v * strip[c + 2 * B + k];
          s3 += v * strip[c + 3 * B + k];
        }
        h[hj + l] += s0;
        h[hj + l + 1] += s1;
        h[hj + l + 2] += s2;
        h[hj + l + 3] += s3;
      }
      for (; l <= j; l++) {
        const c = l * B;
        let s0 = 0;
        for (let k = 0; k < size; k++) s0 += weighted[a + k] * strip[c + k];
        h[hj + l] += s0;
      }
    }
  }
}

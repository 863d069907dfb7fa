/**
 * The L2-penalised logistic loss on scikit-learn 1.2's scale (`LinearModelLoss` with
 * `l2_reg_strength = 1/C`, which `LogisticRegression(solver="lbfgs")` minimises):
 *
 *   F(β, b) = Σᵢ wᵢ · [log(1 + e^{mᵢ}) − yᵢ·mᵢ] + ‖β‖² / (2C),   mᵢ = xᵢ·β + b,
 *
 * i.e. sklearn's documented C·Σ wᵢ·loglossᵢ + ½‖β‖² divided by C: same minimiser, and tolerances
 * (`gtol`, `ftol`) mean what they mean to sklearn. The intercept b is not penalised.
 * Parameters are packed θ = [β₀ … β_{p−1}, b].
 */
import type { Matrix } from '../matrix.ts';

export interface LogisticProblem {
  readonly x: Matrix;
  /** Labels, 1 = churned, 0 = stayed. */
  readonly y: Float64Array;
  /** Per-row weights (class weights folded in), or null for all ones. */
  readonly w: Float64Array | null;
  readonly C: number;
}

/** log(1 + e^m) without overflow. */
export function softplus(m: number): number {
  return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
}

/**
 * F and ∇F in float64, one fused pass over the rows (each row's margin, residual and gradient
 * share the row while it is in cache). Cost: 2·rows·cols multiply-adds plus one exp and one log1p
 * per row: e^{−|m|} serves both softplus(m) and σ(m), which is most of the per-row overhead.
 */
export function penalizedLogLoss(problem: LogisticProblem, theta: Float64Array, grad: Float64Array): number {
  const { x, y, w, C } = problem;
  const p = x.cols;
  const X = x.data;
  const b = theta[p];
  grad.fill(0);
  let loss = 0;
  let gb = 0;
  // Two rows per step: each grad[j] is loaded and stored once per pair of rows, not per row.
  // A row alone at the end is paired with itself at weight 0.
  for (let i = 0; i < x.rows; i += 2) {
    const o = i * p;
    const last = i + 1 === x.rows;
    const u = last ? o : o + p;
    const m0 = b + rowDot(X, o, theta, p);
    const m1 = b + rowDot(X, u, theta, p);
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
    for (let j = 0; j < p; j++) grad[j] += X[o + j] * r0 + X[u + j] * r1;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    penalty += theta[j] * theta[j];
    grad[j] += theta[j] / C;
  }
  grad[p] = gb;
  return loss + penalty / (2 * C);
}

/**
 * The problem on the given rows (see `sampleRows`), each weighted rows/rows.length so that its
 * loss estimates the full one. Copies those rows.
 */
export function sampleProblem(problem: LogisticProblem, rows: Int32Array): LogisticProblem {
  const { x, y, w, C } = problem;
  const p = x.cols;
  const X = x.data;
  const scale = x.rows / rows.length;
  const data = new Float64Array(rows.length * p);
  const ys = new Float64Array(rows.length);
  const ws = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    for (let j = 0; j < p; j++) data[k * p + j] = X[i * p + j];
    ys[k] = y[i];
    ws[k] = (w === null ? 1 : w[i]) * scale;
  }
  return { x: { rows: rows.length, cols: p, data }, y: ys, w: ws, C };
}

/** Rows of a block the Hessian accumulates before touching its (p+1)² sums (see below). */
const HESSIAN_BLOCK = 64;

/**
 * ∇²F, (p+1) × (p+1) row-major with the intercept last: Xᵀ·diag(w·σ(1−σ))·X (X with a column of
 * ones appended) plus I/C on the β block. Float64.
 *
 * Given `rows` (see `sampleRows`), the data term is estimated from those rows alone, scaled up
 * by rows/rows.length: a sub-sampled Hessian (Byrd, Chin, Neveitt & Nocedal 2011), whose relative
 * error shrinks like √(p/m) for m rows. As a Newton matrix it gives linear convergence at about
 * that rate, for a fraction of the cost.
 *
 * Cost: m·(p+1)(p+2)/2 multiply-adds. Rows are taken in blocks of 64, transposed into
 * column strips, so each Hessian entry gets a 64-term dot product held in registers rather than a
 * load and store per row.
 */
export function penalizedLogLossHessian(problem: LogisticProblem, theta: Float64Array, rows: Int32Array | null = null): Float64Array {
  const { x, w, C } = problem;
  const p = x.cols;
  const q = p + 1;
  const X = x.data;
  const m = rows === null ? x.rows : rows.length;
  const h = new Float64Array(q * q);
  // strip[j·B + k] = value of column j in the block's k-th row; weighted[...] the same times d.
  const strip = new Float64Array(q * HESSIAN_BLOCK);
  const weighted = new Float64Array(q * HESSIAN_BLOCK);
  for (let start = 0; start < m; start += HESSIAN_BLOCK) {
    const size = Math.min(HESSIAN_BLOCK, m - start);
    for (let k = 0; k < size; k++) {
      const i = rows === null ? start + k : rows[start + k];
      const o = i * p;
      const s = 1 / (1 + Math.exp(-(theta[p] + rowDot(X, o, theta, p))));
      const d = (w === null ? 1 : w[i]) * s * (1 - s);
      for (let j = 0; j < p; j++) {
        strip[j * HESSIAN_BLOCK + k] = X[o + j];
        weighted[j * HESSIAN_BLOCK + k] = d * X[o + j];
      }
      strip[p * HESSIAN_BLOCK + k] = 1;
      weighted[p * HESSIAN_BLOCK + k] = d;
    }
    // Lower triangle only, mirrored below; four entries of a row of H per sweep over the block,
    // so each weighted value loaded serves four multiply-adds.
    for (let j = 0; j < q; j++) {
      const a = j * HESSIAN_BLOCK;
      const hj = j * q;
      let l = 0;
      for (; l + 3 <= j; l += 4) {
        const c = l * HESSIAN_BLOCK;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let k = 0; k < size; k++) {
          const v = weighted[a + k];
          s0 += v * strip[c + k];
          s1 += v * strip[c + HESSIAN_BLOCK + k];
          s2 += v * strip[c + 2 * HESSIAN_BLOCK + k];
          s3 += v * strip[c + 3 * HESSIAN_BLOCK + k];
        }
        h[hj + l] += s0;
        h[hj + l + 1] += s1;
        h[hj + l + 2] += s2;
        h[hj + l + 3] += s3;
      }
      for (; l <= j; l++) {
        const c = l * HESSIAN_BLOCK;
        let s0 = 0;
        for (let k = 0; k < size; k++) s0 += weighted[a + k] * strip[c + k];
        h[hj + l] += s0;
      }
    }
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

/** x_o · β over p columns; four accumulators let the CPU overlap the multiply-adds. */
function rowDot(X: Float64Array, o: number, theta: Float64Array, p: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < p; j += 4) {
    s0 += X[o + j] * theta[j];
    s1 += X[o + j + 1] * theta[j + 1];
    s2 += X[o + j + 2] * theta[j + 2];
    s3 += X[o + j + 3] * theta[j + 3];
  }
  for (; j < p; j++) s0 += X[o + j] * theta[j];
  return s0 + s1 + (s2 + s3);
}

/**
 * `penalizedLogLoss` computed by TensorFlow.js in float32 on row chunks, summed in float64 across
 * chunks. The closed-form gradient, not `tf.grad`: exact, and no tape on a million-row matrix.
 * Chunks stay on the backend when X fits in `residentBytes`, else X is streamed through one chunk
 * at a time; docs/logistic.md says why X̃ = [X | 1] sits on the right of every product.
 */
import * as tf from '@tensorflow/tfjs';
import { inSharedMemory } from '../matrix.ts';
import type { Objective } from '../optim/lbfgs.ts';
import { beginFloat32Rows } from './float32-rows.ts';
import { l2Penalty } from './penalized-log-loss.ts';
import type { LogisticProblem } from './penalized-log-loss.ts';

export interface TfjsObjectiveOptions {
  /** Float32 elements per chunk (default 2²¹ = 8 MB). */
  chunkElements?: number;
  /** Keep all chunks on the backend when X in float32 takes at most this (default 64 MB). */
  residentBytes?: number;
  /** Also give the Hessian, from tfjs (resident chunks only). */
  withHessian?: boolean;
}

export interface TfjsObjective {
  readonly objective: Objective;
  readonly resident: boolean;
  /** ∇²F at θ as `penalizedLogLossHessian` lays it out; null unless asked for with resident chunks. */
  readonly hessian: ((theta: Float64Array) => Float64Array) | null;
  dispose(): void;
}

interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly y: tf.Tensor2D;
  readonly w: tf.Tensor2D | null;
  x: tf.Tensor2D | null;
}

/** The loss (and Hessian) of `problem` from tfjs, over the rows of `sample` weighted up when given. */
export function tfjsLogLoss(problem: LogisticProblem, options: TfjsObjectiveOptions = {}, sample: Int32Array | null = null, threads = 1): TfjsObjective {
  const { x, y, w, C } = problem;
  const p = x.cols;
  // With a sample, chunk positions index `sample` and each row weighs rows/m, so the loss
  // estimates the full one; the sampled rows are gathered straight from X, chunk by chunk.
  const n = sample === null ? x.rows : sample.length;
  const scale = x.rows / n;
  const row = (k: number): number => (sample === null ? k : sample[k]);
  const chunkRows = Math.max(1, Math.floor((options.chunkElements ?? 1 << 21) / Math.max(1, p)));
  const resident = n * p * 4 <= (options.residentBytes ?? 64 * 2 ** 20);
  // X̃ = [X | 1]: θ multiplies it whole, and the gradient and Hessian get the intercept's entries.
  const ones = resident && options.withHessian === true;
  const q = ones ? p + 1 : p;
  const upload = uploader(x.data, p, chunkRows, sample, ones, threads);
  const chunks: Chunk[] = [];
  for (let start = 0; start < n; start += chunkRows) {
    const end = Math.min(n, start + chunkRows);
    const ys = sample === null ? new Float32Array(y.subarray(start, end)) : Float32Array.from({ length: end - start }, (_, k) => y[row(start + k)]);
    let ws: Float32Array | null = null;
    if (sample !== null) ws = Float32Array.from({ length: end - start }, (_, k) => (w === null ? 1 : w[row(start + k)]) * scale);
    else if (w !== null) ws = new Float32Array(w.subarray(start, end));
    chunks.push({
      start,
      end,
      y: tf.tensor2d(ys, [end - start, 1]),
      w: ws === null ? null : tf.tensor2d(ws, [end - start, 1]),
      x: resident ? upload(start, end).finish() : null,
    });
  }

  const objective: Objective = (theta, grad) => {
    grad.fill(0);
    let loss = 0;
    const beta = tf.tensor2d(new Float32Array(theta.subarray(0, q)), [q, 1]);
    const b = tf.scalar(ones ? 0 : theta[p]);
    // Streamed chunks: the pool converts the next chunk's rows to float32 while tfjs works on this one.
    let ahead = chunks.length > 0 && chunks[0].x === null ? upload(chunks[0].start, chunks[0].end) : null;
    try {
      for (const [i, c] of chunks.entries()) {
        let xc = c.x;
        if (xc === null) {
          xc = (ahead as Upload).finish();
          const next = chunks[i + 1];
          ahead = next !== undefined ? upload(next.start, next.end) : null;
        }
        const packed = tf.tidy(() => {
          const m = ones ? tf.matMul(xc, beta) : tf.add(tf.matMul(xc, beta), b);
          const rowLoss = tf.sub(tf.softplus(m), tf.mul(c.y, m));
          let r = tf.sub(tf.sigmoid(m), c.y);
          const weighted = c.w === null ? rowLoss : tf.mul(c.w, rowLoss);
          if (c.w !== null) r = tf.mul(c.w, r);
          // rᵀX̃ keeps X̃ on the right (packed once); Xᵀr takes the backend's slow transposed path.
          if (ones) return tf.concat([tf.reshape(tf.matMul(tf.reshape(r, [1, c.end - c.start]), xc), [q]), tf.reshape(tf.sum(weighted), [1])]);
          return tf.concat([tf.reshape(tf.matMul(xc, r, true, false), [p]), tf.reshape(tf.sum(r), [1]), tf.reshape(tf.sum(weighted), [1])]);
        });
        if (c.x === null) xc.dispose();
        const v = packed.dataSync();
        packed.dispose();
        for (let j = 0; j <= p; j++) grad[j] += v[j];
        loss += v[p + 1];
      }
    } finally {
      ahead?.finish().dispose();
      beta.dispose();
      b.dispose();
    }
    return loss + l2Penalty(theta, grad, p, C);
  };

  const hessian = (theta: Float64Array): Float64Array => {
    const qq = q * q;
    const h = new Float64Array(qq);
    const beta = tf.tensor2d(new Float32Array(theta.subarray(0, q)), [q, 1]);
    try {
      for (const c of chunks) {
        const xc = c.x as tf.Tensor2D;
        const part = tf.tidy(() => {
          const s = tf.sigmoid(tf.matMul(xc, beta));
          let d = tf.mul(s, tf.sub(1, s));
          if (c.w !== null) d = tf.mul(c.w, d);
          return tf.matMul(tf.transpose(tf.mul(xc, d)), xc);
        });
        const v = part.dataSync();
        part.dispose();
        for (let k = 0; k < qq; k++) h[k] += v[k];
      }
    } finally {
      beta.dispose();
    }
    // The float32 products round each triangle its own way: the mean makes H exactly symmetric.
    for (let j = 0; j < q; j++) {
      for (let l = 0; l < j; l++) h[j * q + l] = h[l * q + j] = (h[j * q + l] + h[l * q + j]) / 2;
    }
    for (let j = 0; j < p; j++) h[j * q + j] += 1 / C;
    return h;
  };

  return {
    objective,
    resident,
    hessian: ones ? hessian : null,
    dispose() {
      for (const c of chunks) {
        c.y.dispose();
        c.w?.dispose();
        c.x?.dispose();
      }
    },
  };
}

/** A chunk's float32 rows being converted; `finish` gives them as a tensor. */
interface Upload {
  finish(): tf.Tensor2D;
}

/**
 * Rows [start, end) (of `sample` when given) as a float32 tensor, converted on the pool from the call
 * until `finish`. wasm copies a tensor's values when it is made, so two buffers serve its chunks in turn
 * (the next chunk is converted while tfjs uses this one); the CPU backend and tfjs-node keep a reference
 * to the values (tfjs-node reads them at the tensor's first op), so they get a fresh buffer per chunk.
 */
function uploader(
  X: Float64Array,
  p: number,
  chunkRows: number,
  sample: Int32Array | null,
  ones: boolean,
  threads: number,
): (start: number, end: number) => Upload {
  const q = ones ? p + 1 : p;
  const parallel = threads > 1 && inSharedMemory(X) && inSharedMemory(sample);
  const alloc = (n: number): Float32Array => new Float32Array(parallel ? new SharedArrayBuffer(n * 4) : new ArrayBuffer(n * 4));
  const reused = tf.getBackend() === 'wasm' ? [alloc(chunkRows * q), alloc(chunkRows * q)] : null;
  let turn = 0;
  return (from, to) => {
    turn = 1 - turn;
    const values = reused === null ? alloc((to - from) * q) : reused[turn].subarray(0, (to - from) * q);
    const conversion = beginFloat32Rows({ X, p, sample, from, to, ones }, values, parallel ? threads : 1);
    return {
      finish: () => {
        conversion.finish();
        return tf.tensor2d(values, [to - from, q]);
      },
    };
  };
}

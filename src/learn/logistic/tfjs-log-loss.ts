/**
 * The same penalised logistic loss and gradient as `penalizedLogLoss`, computed by TensorFlow.js
 * (float32) on row chunks: per chunk m = Xβ + b, Σ w·(softplus(m) − y·m) and Xᵀ(w·(σ(m) − y)),
 * read back and summed in float64 across chunks. The closed-form gradient is used rather than
 * `tf.grad`: it is exact and avoids the tape's saved intermediates on a million-row matrix.
 *
 * Memory: when the float32 copy of X fits in `residentBytes` the chunks stay on the backend for
 * the whole fit; otherwise each evaluation streams X through one chunk at a time, so a large
 * matrix never has a second full copy (float32 array or tensor) beside the float64 original.
 */
import * as tf from '@tensorflow/tfjs';
import type { Objective } from '../optim/lbfgs.ts';
import type { LogisticProblem } from './penalized-log-loss.ts';

export interface TfjsObjectiveOptions {
  /** Float32 elements per chunk (default 2²¹ = 8 MB). */
  chunkElements?: number;
  /** Keep all chunks on the backend when X in float32 takes at most this (default 64 MB). */
  residentBytes?: number;
}

export interface TfjsObjective {
  readonly objective: Objective;
  readonly resident: boolean;
  /** Frees the tensors held for the fit. */
  dispose(): void;
}

interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly y: tf.Tensor2D;
  readonly w: tf.Tensor2D | null;
  x: tf.Tensor2D | null;
}

export function tfjsLogLoss(problem: LogisticProblem, options: TfjsObjectiveOptions = {}): TfjsObjective {
  const { x, y, w, C } = problem;
  const p = x.cols;
  const chunkRows = Math.max(1, Math.floor((options.chunkElements ?? 1 << 21) / Math.max(1, p)));
  const resident = x.rows * p * 4 <= (options.residentBytes ?? 64 * 2 ** 20);
  const upload = uploader(x.data, p, chunkRows);
  const chunks: Chunk[] = [];
  for (let start = 0; start < x.rows; start += chunkRows) {
    const end = Math.min(x.rows, start + chunkRows);
    chunks.push({
      start,
      end,
      y: tf.tensor2d(new Float32Array(y.subarray(start, end)), [end - start, 1]),
      w: w === null ? null : tf.tensor2d(new Float32Array(w.subarray(start, end)), [end - start, 1]),
      x: resident ? upload(start, end) : null,
    });
  }

  const objective: Objective = (theta, grad) => {
    grad.fill(0);
    let loss = 0;
    const beta = tf.tensor2d(new Float32Array(theta.subarray(0, p)), [p, 1]);
    const b = tf.scalar(theta[p]);
    try {
      for (const c of chunks) {
        const xc = c.x ?? upload(c.start, c.end);
        const packed = tf.tidy(() => {
          const m = tf.add(tf.matMul(xc, beta), b);
          const rowLoss = tf.sub(tf.softplus(m), tf.mul(c.y, m));
          let r = tf.sub(tf.sigmoid(m), c.y);
          const weighted = c.w === null ? rowLoss : tf.mul(c.w, rowLoss);
          if (c.w !== null) r = tf.mul(c.w, r);
          return tf.concat([tf.reshape(tf.matMul(xc, r, true, false), [p]), tf.reshape(tf.sum(r), [1]), tf.reshape(tf.sum(weighted), [1])]);
        });
        if (c.x === null) xc.dispose();
        const v = packed.dataSync();
        packed.dispose();
        for (let j = 0; j <= p; j++) grad[j] += v[j];
        loss += v[p + 1];
      }
    } finally {
      beta.dispose();
      b.dispose();
    }
    let penalty = 0;
    for (let j = 0; j < p; j++) {
      penalty += theta[j] * theta[j];
      grad[j] += theta[j] / C;
    }
    return loss + penalty / (2 * C);
  };

  return {
    objective,
    resident,
    dispose() {
      for (const c of chunks) {
        c.y.dispose();
        c.w?.dispose();
        c.x?.dispose();
      }
    },
  };
}

/**
 * Rows [start, end) as a float32 tensor. The wasm and tfjs-node backends copy the values into
 * their own memory, so one conversion buffer serves every chunk (no 8 MB garbage per chunk per
 * evaluation); the CPU backend keeps a reference to the array it is given, so it gets a fresh one.
 */
function uploader(data: Float64Array, p: number, chunkRows: number): (start: number, end: number) => tf.Tensor2D {
  const shared = tf.getBackend() === 'cpu' ? null : new Float32Array(chunkRows * p);
  return (start, end) => {
    const values = shared === null ? new Float32Array((end - start) * p) : shared.subarray(0, (end - start) * p);
    values.set(data.subarray(start * p, end * p));
    return tf.tensor2d(values, [end - start, p]);
  };
}

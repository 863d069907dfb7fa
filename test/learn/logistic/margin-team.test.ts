import { describe, expect, it } from 'vitest';
import { compileKernel, linearMarginSource } from '../../../src/learn/logistic/linear-margin.ts';
import { logisticModel } from '../../../src/learn/logistic/logistic-model.ts';
import { MarginTeam } from '../../../src/learn/logistic/margin-team.ts';
import { sharedMatrix, type Matrix } from '../../../src/learn/matrix.ts';

const ROWS = 150_000;
const COLS = 29;
const beta = Float64Array.from({ length: COLS }, (_, j) => Math.cos(j * 0.7) / (j + 1));
const body = linearMarginSource(beta, -0.25) as string;
const kernel = compileKernel(body)!;
const probabilityBody = linearMarginSource(beta, -0.25, 'probability') as string;
const probabilityKernel = compileKernel(probabilityBody)!;

function matrix(): Matrix {
  const x = sharedMatrix(ROWS, COLS);
  for (let k = 0; k < x.data.length; k++) x.data[k] = k % 1009 === 0 ? Number.NaN : Math.sin(k * 0.37) * 10 ** ((k % 7) - 3);
  return x;
}

function alone(x: Matrix, k = kernel): Float64Array {
  const out = new Float64Array(x.rows);
  k(x.data, out, x.rows);
  return out;
}

const sameBits = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

async function ready(team: MarginTeam): Promise<void> {
  for (let waited = 0; !team.ready && waited < 10_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
  expect(team.ready).toBe(true);
}

describe('MarginTeam', () => {
  const x = matrix();
  const expected = alone(x);

  it('gives one thread’s margins bit for bit, into plain or shared memory', async () => {
    const team = MarginTeam.start([body, probabilityBody], COLS);
    expect(team).not.toBeNull();
    try {
      await ready(team!);
      const plain = new Float64Array(ROWS);
      expect(team!.run(x, plain, 0, kernel)).toBe(true);
      expect(sameBits(plain, expected)).toBe(true);
      const shared = new Float64Array(new SharedArrayBuffer(ROWS * 8));
      expect(team!.run(x, shared, 0, kernel)).toBe(true);
      expect(sameBits(shared, expected)).toBe(true);
      const probabilities = new Float64Array(ROWS);
      expect(team!.run(x, probabilities, 1, probabilityKernel)).toBe(true);
      expect(sameBits(probabilities, alone(x, probabilityKernel))).toBe(true);
      // Had a job failed on the worker, the margins would still be right, computed here, but the team closed.
      expect(team!.usable).toBe(true);
    } finally {
      team!.close();
    }
  });

  it('declines a matrix outside shared memory, or before its worker is ready', async () => {
    const team = MarginTeam.start([body, probabilityBody], COLS)!;
    try {
      const out = new Float64Array(ROWS);
      // Not yet ready: started a moment ago.
      expect(team.run(x, out, 0, kernel)).toBe(false);
      await ready(team);
      expect(team.run({ rows: ROWS, cols: COLS, data: Float64Array.from(x.data) }, out, 0, kernel)).toBe(false);
      expect(out.every((v) => v === 0)).toBe(true);
    } finally {
      team.close();
    }
  });

  it('computes a job its worker never finishes here, and is not used again', async () => {
    const team = MarginTeam.start([body, probabilityBody], COLS, 200)!;
    await ready(team);
    // A worker that takes no more messages: the job posted never finishes.
    (team as unknown as { worker: { removeAllListeners(): void; postMessage(m: unknown): void } }).worker.postMessage = () => undefined;
    const out = new Float64Array(ROWS);
    expect(team.run(x, out, 0, kernel)).toBe(true);
    expect(sameBits(out, expected)).toBe(true);
    expect(team.usable).toBe(false);
  });

  it('never hands the caller’s array to the worker, whose late writes could land after a redo', async () => {
    // A probability kernel applies σ in place: a block a worker taken for dead finished after the
    // rows were redone here would hold σ(σ(m)). So the worker only ever writes the team's scratch.
    const team = MarginTeam.start([body, probabilityBody], COLS)!;
    try {
      await ready(team);
      const worker = (team as unknown as { worker: { postMessage(m: { output: ArrayBufferLike }): void } }).worker;
      const posted: ArrayBufferLike[] = [];
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (m) => {
        posted.push(m.output);
        post(m);
      };
      const out = new Float64Array(new SharedArrayBuffer(ROWS * 8));
      expect(team.run(x, out, 1, probabilityKernel)).toBe(true);
      expect(sameBits(out, alone(x, probabilityKernel))).toBe(true);
      expect(posted).toHaveLength(1);
      expect(posted[0]).not.toBe(out.buffer);
    } finally {
      team.close();
    }
  });

  it('serves a logistic model on a large shared matrix, with the same margins', async () => {
    const model = logisticModel({ featureNames: Array.from({ length: COLS }, (_, j) => `x${j}`), coefficients: Array.from(beta), intercept: -0.25 } as never);
    const first = model.margin(x);
    await new Promise((r) => setTimeout(r, 300));
    expect(sameBits(first, expected)).toBe(true);
    expect(sameBits(model.margin(x), expected)).toBe(true);
    expect(sameBits(model.probability(x), alone(x, probabilityKernel))).toBe(true);
  });
});

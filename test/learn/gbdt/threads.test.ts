import { describe, expect, it } from 'vitest';
import { workerPool } from '../../../src/parallel/pool.ts';
import { trainGbdt } from '../../../src/learn/gbdt/boost.ts';
import { leafShapTable } from '../../../src/learn/gbdt/leaf-shap-table.ts';
import { runRows } from '../../../src/learn/gbdt/row-jobs.ts';
import { toSpec } from '../../../src/learn/gbdt/serialize.ts';
import { contributionsKernel, shapRowScratch, shapRows, type ShapForest } from '../../../src/learn/gbdt/shap-rows.ts';
import { treeDepth } from '../../../src/learn/gbdt/tree.ts';
import { sharedMatrix, type Matrix } from '../../../src/learn/matrix.ts';
import { synthetic } from './dataset.ts';

/** Bitwise equality (Object.is tells −0 from 0 and matches NaN). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function inSharedMemory(m: Matrix): Matrix {
  const s = sharedMatrix(m.rows, m.cols);
  s.data.set(m.data);
  return s;
}

const sharedOut = (n: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * n));

describe('GBDT training on several threads', () => {
  it('grows exactly the same trees with 1, 2 and 3 threads', () => {
    // Above the 20,000 rows from which histograms are shared out, with row subsampling.
    const { x, y } = synthetic(30_000, 10, 21, 0.05);
    const spec = (nThreads: number): string => JSON.stringify(toSpec(trainGbdt(x, y, { maxIter: 8, maxLeafNodes: 15, subsample: 0.8, nThreads }).model));
    const single = spec(1);
    expect(spec(2)).toBe(single);
    expect(spec(3)).toBe(single);
    expect(workerPool().size).toBeGreaterThan(0);
  });
});

describe('GBDT prediction and TreeSHAP on several threads', () => {
  const { x, y } = synthetic(3000, 6, 31, 0.1);
  // Leaf-wise trees are lopsided (compiled), depth-wise ones are walked packed.
  const leafwise = trainGbdt(x, y, { maxIter: 20, maxLeafNodes: 15, minSamplesLeaf: 5 }).model;
  const depthwise = trainGbdt(x, y, { maxIter: 20, growth: 'depthwise', maxLeafNodes: null, maxDepth: 5, minSamplesLeaf: 5 }).model;
  // Fresh rows, a fifth of the values missing: several chunks for every thread.
  const rows = synthetic(40_000, 6, 32, 0.2).x;

  it('gives the one-thread margins bit for bit, compiled and packed, from plain and shared memory', () => {
    for (const model of [leafwise, depthwise]) {
      const alone = model.margin(rows, undefined, 1);
      for (const threads of [2, 3]) {
        expect(sameBits(model.margin(rows, undefined, threads), alone)).toBe(true);
        const out = sharedOut(rows.rows);
        expect(model.margin(inSharedMemory(rows), out, threads)).toEqual(out);
        expect(sameBits(out, alone)).toBe(true);
      }
    }
  });

  it('gives the same margins asynchronously, from plain and shared memory', async () => {
    const alone = depthwise.margin(rows, undefined, 1);
    const plain = new Float64Array(rows.rows);
    await depthwise.marginAsync(rows, plain, 2);
    expect(sameBits(plain, alone)).toBe(true);
    const out = sharedOut(rows.rows);
    await Promise.all([depthwise.marginAsync(inSharedMemory(rows), out, 2), depthwise.marginAsync(rows, new Float64Array(rows.rows), 2)]);
    expect(sameBits(out, alone)).toBe(true);
  });

  it('gives the same margins when a worker dies mid-job', async () => {
    const alone = leafwise.margin(rows, undefined, 1);
    const m = inSharedMemory(rows);
    // A job of the workers' while their first thread is ended under it: its chunks are redone here.
    await leafwise.marginAsync(m, sharedOut(rows.rows), 2);
    const workers = (workerPool() as unknown as { workers: { worker: { terminate(): Promise<number> } }[] }).workers;
    expect(workers.length).toBeGreaterThan(0);
    const out = sharedOut(rows.rows);
    const job = leafwise.marginAsync(m, out, 2);
    await workers[0].worker.terminate();
    await job;
    expect(sameBits(out, alone)).toBe(true);
  });

  it('gives the one-thread contributions bit for bit', () => {
    const some = synthetic(2000, 6, 33, 0.1).x;
    const alone = leafwise.contributions(some, undefined, 1).values;
    for (const threads of [2, 3]) {
      expect(sameBits(leafwise.contributions(some, undefined, threads).values, alone)).toBe(true);
      const into = sharedOut(some.rows * some.cols).fill(7);
      expect(sameBits(leafwise.contributions(inSharedMemory(some), into, threads).values, alone)).toBe(true);
    }
  });

  it('computes TreeSHAP in the pool the same, from tables and by Algorithm 2', () => {
    // One tree left to Algorithm 2, as a tree too deep to tabulate would be.
    const trees = leafwise.trees;
    const forest: ShapForest = {
      trees,
      tables: trees.map((t, k) => (k === 3 ? null : leafShapTable(t))),
      depth: Math.max(...trees.map(treeDepth)),
      maxNodes: Math.max(...trees.map((t) => t.feature.length)),
    };
    const alone = new Float64Array(x.rows * x.cols);
    shapRows(forest, x.data, x.cols, 0, x.rows, alone, 0, shapRowScratch(forest));
    const shared = workerPool().share(forest);
    try {
      const values = new Float64Array(x.rows * x.cols);
      runRows(contributionsKernel, shared.id, x, values, x.cols, 64, 2);
      expect(sameBits(values, alone)).toBe(true);
    } finally {
      shared.release();
    }
  });
});

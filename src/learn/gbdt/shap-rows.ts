/**
 * TreeSHAP contributions of rows over a forest, each tree from its leaf tables or by Algorithm 2,
 * in tree order; the same as a pool kernel, so the bits do not depend on the thread.
 */
import { kernel } from '../../parallel/kernel.ts';
import { tableShap, type LeafShapTable } from './leaf-shap-table.ts';
import type { RowJob } from './row-jobs.ts';
import type { Tree } from './tree.ts';
import { shapScratch, treeShap, type ShapScratch } from './treeshap.ts';

/** What TreeSHAP needs of a model; the pool shares it with worker threads. */
export interface ShapForest {
  readonly trees: readonly Tree[];
  /** Per tree, its leaf tables, or null for a tree left to Algorithm 2. */
  readonly tables: readonly (LeafShapTable | null)[];
  /** Of the deepest tree. */
  readonly depth: number;
  readonly maxNodes: number;
}

export interface ShapRowScratch {
  readonly path: ShapScratch;
  readonly patterns: Int32Array;
}

export function shapRowScratch(forest: ShapForest): ShapRowScratch {
  return { path: shapScratch(forest.depth), patterns: new Int32Array(Math.max(1, forest.maxNodes)) };
}

/** Adds the SHAP values of rows [from, to) of x into values, row i at values[(at + i − from) · cols ..]. */
export function shapRows(forest: ShapForest, x: Float64Array, cols: number, from: number, to: number, values: Float64Array, at: number, scratch: ShapRowScratch): void {
  const { trees, tables } = forest;
  for (let i = from; i < to; i++) {
    const o = (at + i - from) * cols;
    for (let k = 0; k < trees.length; k++) {
      const table = tables[k];
      if (table === null) treeShap(trees[k], x, i * cols, values, o, scratch.path);
      else tableShap(trees[k], table, x, i * cols, values, o, scratch.patterns);
    }
  }
}

/**
 * Chunk c of a job's rows, summed in this thread's own buffer and then stored: a chunk computed
 * twice (the pool redoes a stalled worker's) writes the same bits.
 */
export const contributionsKernel = kernel<RowJob>(import.meta.url, 'contributionsKernel', (a, chunk, context) => {
  const forest = context.resource<ShapForest>(a.model);
  const mine = context.derived(a.model, () => ({ scratch: shapRowScratch(forest), sums: new Float64Array(0) }));
  const first = chunk * a.chunkRows;
  const rows = Math.min(a.rows, first + a.chunkRows) - first;
  if (mine.sums.length < rows * a.cols) mine.sums = new Float64Array(a.chunkRows * a.cols);
  const sums = mine.sums.subarray(0, rows * a.cols).fill(0);
  shapRows(forest, a.input, a.cols, first, first + rows, sums, 0, mine.scratch);
  a.output.set(sums, first * a.cols);
});
